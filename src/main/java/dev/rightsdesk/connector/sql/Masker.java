package dev.rightsdesk.connector.sql;

import dev.rightsdesk.connector.sql.SchemaCatalog.Column;
import dev.rightsdesk.connector.sql.SqlMapping.Field;
import dev.rightsdesk.connector.sql.SqlMapping.Mask;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the value a masked field gets. A NOT NULL column is never nulled (the statement would fail, or worse, a
 * trigger might put a default back): it gets the keyed hash instead. Hashes are HMAC-SHA-256 with the deployment's
 * key, so equal values stay joinable inside one deployment while nobody without the key can test a guess.
 */
final class Masker {

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    Masker(byte[] key) {
        this.key = key.clone();
    }

    /** The strategy that will really be applied to this column. */
    static Mask effective(Field field, Column column) {
        return field.mask() == Mask.NULL && !column.nullable() ? Mask.HASH : field.mask();
    }

    /** True when the masked value is the same for every row, so one UPDATE per chunk of rows does. */
    static boolean rowIndependent(Field field, Column column) {
        Mask m = effective(field, column);
        return m == Mask.NULL || m == Mask.FIXED;
    }

    Object mask(Field field, Column column, Object original) {
        return switch (effective(field, column)) {
            case NULL -> null;
            case FIXED -> field.maskValue();
            case HASH -> original == null ? null : fit(hmac(original.toString()), column);
            case RANDOM -> original == null ? null : fit(HexFormat.of().formatHex(randomBytes()), column);
        };
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Cut to the column's width; 64 hex characters do not fit a VARCHAR(40). */
    private static String fit(String value, Column column) {
        return column.size() > 0 && column.size() < value.length() ? value.substring(0, column.size()) : value;
    }
}
