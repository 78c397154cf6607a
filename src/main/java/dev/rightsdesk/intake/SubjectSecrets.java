package dev.rightsdesk.intake;

import dev.rightsdesk.platform.crypto.CryptoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random tokens and codes, and the keyed hashes the subject side stores instead of them. The HMAC key is
 * the blind-index key with a domain prefix per use, so no further secret has to be provisioned and a
 * hash made for one purpose never matches one made for another.
 */
@ApplicationScoped
public class SubjectSecrets {

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public SubjectSecrets(CryptoConfig crypto) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(crypto.blindIndexKey().trim()), "HmacSHA256");
    }

    /** A URL-safe token of 256 random bits (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A numeric one-time code of {@code digits} digits, uniformly drawn. */
    public String newCode(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /** HMAC-SHA256 of {@code value} under the domain {@code purpose}, hex. */
    public String keyedHash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    /** SHA-256 of a high-entropy token, hex: enough for a token of 256 random bits, and cheap to look up. */
    public static String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    public static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code token} looks like one of ours; anything else is refused before a database look-up. */
    public static boolean wellFormedToken(String token) {
        return token != null && token.matches("^[A-Za-z0-9_-]{43}$");
    }
}
