package dev.rightsdesk.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256) of a normalised e-mail address, stored beside the encrypted value so that
 * exact look-ups work without decrypting every row, and a database dump reveals no address.
 */
@ApplicationScoped
public class BlindIndex {

    private final SecretKeySpec key;

    public BlindIndex(CryptoConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.blindIndexKey().trim());
        if (raw.length < 32) {
            throw new IllegalStateException("rightsdesk.crypto.blind-index-key must be at least 32 bytes in Base64");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public String ofEmail(String email) {
        return hmac(normaliseEmail(email));
    }

    /** Trimmed and lower-cased: the same address typed twice must match. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }
}
