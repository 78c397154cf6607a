package dev.rightsdesk.ai.exclusion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Computes the key of a training-exclusion entry: lower-case hex of
 * {@code HMAC-SHA256(key, UTF-8("<identifierType>:<normalisedValue>"))}. Training pipelines compute the
 * same over their own records (docs/ai-rights.md), so no raw identifier has to leave Rightsdesk.
 */
@ApplicationScoped
public class SubjectHasher {

    /** The identifier type of the subject's e-mail address. */
    public static final String EMAIL = "email";

    /** What a subject hash looks like: 64 lower-case hex digits. */
    public static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");

    private final SecretKeySpec key;
    private final Set<String> lowerCaseTypes;

    public SubjectHasher(ExclusionConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.hmacKey().trim());
        if (raw.length < 32) {
            throw new IllegalStateException("rightsdesk.training-exclusions.hmac-key must be at least 32 bytes in Base64");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
        this.lowerCaseTypes = Set.copyOf(config.lowerCaseTypes());
    }

    /** The hash of {@code value} as an identifier of {@code type}, normalised per {@link #normalise}. */
    public String hash(String type, String value) {
        String message = type + ":" + normalise(type, value);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    /**
     * Trims (every leading and trailing character up to U+0020, as {@link String#trim()}); lower-cases
     * (Locale.ROOT) for {@code email} and the configured lower-case types. No other change.
     */
    public String normalise(String type, String value) {
        String trimmed = value.trim();
        return EMAIL.equals(type) || lowerCaseTypes.contains(type) ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }

    /**
     * The identifier type under which a declared identifier is hashed: the name as declared in the
     * request ({@code customerId}), except that any spelling of {@code email} is {@code email}.
     */
    public static String typeOf(String declaredName) {
        return EMAIL.equalsIgnoreCase(declaredName.trim()) ? EMAIL : declaredName.trim();
    }
}
