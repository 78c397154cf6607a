package dev.rightsdesk.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The access package (Art. 15): {@code rightsdesk.access.*}. */
@ConfigMapping(prefix = "rightsdesk.access")
public interface AccessConfig {

    /**
     * {@code rightsdesk.access.download-validity}: how long a download link works after the subject confirmed
     * it with a fresh e-mail code.
     */
    @WithDefault("14d")
    Duration downloadValidity();
}
