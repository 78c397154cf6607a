package dev.rightsdesk.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The subject side's key under {@code rightsdesk.intake} (the switches of the ticket flow are in TicketConfig). */
@ConfigMapping(prefix = "rightsdesk.intake")
public interface UnverifiedExpiryConfig {

    /**
     * {@code rightsdesk.intake.unverified-expiry}: how long a request waits for its e-mail code before it expires
     * (status EXPIRED) and its personal data is purged.
     */
    @WithDefault("14d")
    Duration unverifiedExpiry();
}
