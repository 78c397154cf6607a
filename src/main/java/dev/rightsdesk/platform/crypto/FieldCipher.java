package dev.rightsdesk.platform.crypto;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for single fields. A value is stored as {@code v1:<key id>:<base64(nonce | ciphertext+tag)>},
 * so keys can rotate: new values use the active key, old values name the key that decrypts them.
 */
@ApplicationScoped
@Unremovable
public class FieldCipher {

    private static final String PREFIX = "v1";
    private static final String WRAP_PREFIX = "w1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();

    public FieldCipher(CryptoConfig config) {
        config.keys().forEach((id, encoded) -> keys.put(id, aesKey(id, encoded)));
        if (!keys.containsKey(config.activeKeyId())) {
            throw new IllegalStateException("rightsdesk.crypto.active-key-id names no key in rightsdesk.crypto.keys");
        }
        this.activeKeyId = config.activeKeyId();
    }

    private static SecretKeySpec aesKey(String id, String encoded) {
        byte[] raw = Base64.getDecoder().decode(encoded.trim());
        if (raw.length != 32) {
            throw new IllegalStateException("rightsdesk.crypto.keys." + id + " must be 32 bytes in Base64");
        }
        return new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            return PREFIX + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalStateException("Value is not in the encrypted field format");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("No key configured with id " + parts[1]);
        }
        try {
            byte[] blob = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(blob, NONCE_BYTES, blob.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed (wrong key or tampered value)", e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /**
     * Wraps a key (envelope encryption) under the active deployment key: {@code w1:<key id>:<base64(nonce | ct+tag)>},
     * with {@code context} (e.g. the ticket and data-key id it belongs to) as associated data, so a wrapped key
     * copied onto another row does not unwrap there.
     */
    public String wrap(byte[] key, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(wrapAad(activeKeyId, context));
            byte[] sealed = cipher.doFinal(key);
            ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            return WRAP_PREFIX + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key wrapping failed", e);
        }
    }

    /** Unwraps what {@link #wrap} made, with the same {@code context}; the deployment key is the one it names. */
    public byte[] unwrap(String wrapped, String context) {
        String[] parts = wrapped.split(":", 3);
        if (parts.length != 3 || !WRAP_PREFIX.equals(parts[0])) {
            throw new IllegalStateException("Value is not a wrapped key");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("No key configured with id " + parts[1]);
        }
        try {
            byte[] blob = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_BYTES));
            cipher.updateAAD(wrapAad(parts[1], context));
            return cipher.doFinal(blob, NONCE_BYTES, blob.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Key unwrapping failed (wrong key, context or tampered value)", e);
        }
    }

    private static byte[] wrapAad(String keyId, String context) {
        return (WRAP_PREFIX + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }
}
