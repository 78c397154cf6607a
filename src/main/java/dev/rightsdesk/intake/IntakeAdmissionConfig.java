package dev.rightsdesk.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many submissions one instance works on at once (the other keys under {@code rightsdesk.intake} are elsewhere). */
@ConfigMapping(prefix = "rightsdesk.intake")
public interface IntakeAdmissionConfig {

    /**
     * {@code rightsdesk.intake.max-in-flight}: submissions (API and web form) handled at the same time by this
     * instance; one more is answered 503 with {@code Retry-After} at once instead of queueing behind the others
     * until every client times out. Size it to what the database commits in about 50 ms; 0 turns the limit off.
     */
    @WithDefault("48")
    int maxInFlight();
}
