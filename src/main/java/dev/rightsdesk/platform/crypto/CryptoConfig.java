package dev.rightsdesk.platform.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
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

    /**
     * How long a ticket's data key outlives the ticket's closing (COMPLETED, REFUSED, EXPIRED) before it is destroyed
     * and every copy of the ticket's personal fields on Kafka becomes unreadable (crypto-shredding, ADR 0006).
     * ISO-8601 (P7D) or a short form (7d); 0 destroys it at the next run after closing.
     */
    @WithDefault("P7D")
    Duration ticketKeyRetention();

    /** How often the job that destroys expired ticket keys runs (one replica at a time). */
    @WithDefault("10m")
    Duration ticketKeyShredInterval();
}
