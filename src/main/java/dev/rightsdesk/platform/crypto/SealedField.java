package dev.rightsdesk.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code rd1} format of one encrypted personal field in a Kafka event (docs/events.md, "Encrypted personal
 * fields"): {@code rd1:<key id>:<base64 nonce>:<base64 ciphertext+tag>}, AES-256-GCM under the ticket's data key,
 * with {@code rd1|<key id>|<ticket id>|<field path>} as associated data, so a value moved to another field or another
 * ticket's event no longer decrypts. The plaintext is the JSON text of the field's clear value. Pure: no keys held.
 */
public final class SealedField {

    public static final String VERSION = "rd1";
    static final String PREFIX = VERSION + ":";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedField() {
    }

    /** True for a string in the rd1 format's shape (not yet proof that it decrypts). */
    public static boolean looksSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The key id an rd1 value names; throws {@link UnreadableFieldException} when it is not rd1. */
    public static String keyIdOf(String sealed, String path) {
        return split(sealed, path)[1];
    }

    public static String seal(DataKey key, String path, String plaintextJson) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(key.keyId(), key.ticketId(), path));
            byte[] sealed = cipher.doFinal(plaintextJson.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return PREFIX + key.keyId() + ":" + b64.encodeToString(nonce) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * The JSON text sealed in {@code sealed} at {@code path}; {@link UnreadableFieldException} when the value is not
     * rd1, names another key, was changed, or was sealed for another ticket or field.
     */
    public static String open(DataKey key, String path, String sealed) {
        String[] parts = split(sealed, path);
        if (!parts[1].equals(key.keyId())) {
            throw new UnreadableFieldException(path, "is encrypted under another key than the ticket's");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] nonce = b64.decode(parts[2]);
            byte[] ciphertext = b64.decode(parts[3]);
            if (nonce.length != NONCE_BYTES) {
                throw new UnreadableFieldException(path, "has a nonce that is not " + NONCE_BYTES + " bytes");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(key.keyId(), key.ticketId(), path));
            return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnreadableFieldException(path, "is not valid Base64");
        } catch (GeneralSecurityException e) {
            // One answer for a changed value, another ticket or another field: GCM cannot tell them apart.
            throw new UnreadableFieldException(path, "does not decrypt: changed, or sealed for another ticket or field");
        }
    }

    /** The associated data: binds a value to its format version, key, ticket and field path. */
    static byte[] aad(String keyId, UUID ticketId, String path) {
        return (VERSION + "|" + keyId + "|" + ticketId + "|" + path).getBytes(StandardCharsets.UTF_8);
    }

    private static String[] split(String sealed, String path) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
            throw new UnreadableFieldException(path, "is not in the rd1 format rd1:<key id>:<nonce>:<ciphertext>");
        }
        return parts;
    }
}
