package dev.rightsdesk.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Switches that shape a ticket's path from receipt to fan-out. */
public final class TicketConfig {

    private TicketConfig() {
    }

    @ConfigMapping(prefix = "rightsdesk.intake")
    public interface Intake {
        /**
         * Whether the subject must confirm the e-mail address with a one-time code before anything is
         * done. Off only where the controller verified the identity upstream (signed-in users).
         */
        @WithDefault("true")
        boolean verificationRequired();
    }

    @ConfigMapping(prefix = "rightsdesk.review")
    public interface Review {
        /** Whether a verified ticket waits for an officer's approval before fan-out. */
        @WithDefault("true")
        boolean approvalRequired();
    }
}
