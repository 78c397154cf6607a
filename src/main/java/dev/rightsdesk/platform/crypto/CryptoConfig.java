package dev.rightsdesk.platform.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** Keys for personal data at rest. Production sets them from a Secret; never commit real keys. */
@ConfigMapping(prefix = "rightsdesk.crypto")
public interface CryptoConfig {

    /** Id of the key new values are encrypted with; older keys stay in {@link #keys()} to decrypt. */
    String activeKeyId();

    /** AES-256 keys by id, each 32 bytes in Base64. */
    Map<String, String> keys();

    /** HMAC-SHA256 key (Base64, at least 32 bytes) of the blind index used for exact look-ups by e-mail. */
    String blindIndexKey();
}
