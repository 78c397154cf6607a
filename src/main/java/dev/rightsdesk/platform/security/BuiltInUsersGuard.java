package dev.rightsdesk.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Stops a production start that has built-in users (names and passwords in configuration): outside the
 * embedded default run, staff sign in through the OIDC provider only.
 */
@ApplicationScoped
public class BuiltInUsersGuard {

    private static final Logger LOG = Logger.getLogger(BuiltInUsersGuard.class);
    static final String USERS_PREFIX = "quarkus.security.users.embedded.users.";

    private final Config config;

    public BuiltInUsersGuard(Config config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Set<String> users = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(USERS_PREFIX)) {
                users.add(name.substring(USERS_PREFIX.length()));
            }
        }
        boolean embedded = config.getOptionalValue("rightsdesk.embedded.active", Boolean.class).orElse(false);
        boolean oidc = config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(false);
        try {
            check(LaunchMode.current(), embedded, users);
        } catch (IllegalStateException e) {
            // Said here too: the embedded start's exit handler ends the process without printing the cause.
            LOG.error(e.getMessage());
            throw e;
        }
        if (LaunchMode.current() == LaunchMode.NORMAL && users.isEmpty() && !oidc) {
            LOG.warn("No staff sign-in is configured: every staff endpoint refuses access. Set RIGHTSDESK_OIDC_ENABLED=true"
                    + " and QUARKUS_OIDC_AUTH_SERVER_URL (docs/officer.md).");
        }
    }

    /** Throws when a production (not test or dev) start outside the embedded run has built-in users. */
    static void check(LaunchMode mode, boolean embeddedActive, Set<String> users) {
        if (mode == LaunchMode.NORMAL && !embeddedActive && !users.isEmpty()) {
            throw new IllegalStateException("Built-in users " + users + " are configured (quarkus.security.users.embedded.users.*"
                    + " or rightsdesk.security.built-in-users=true), but this is not the embedded default run. In production"
                    + " staff sign in through OIDC: remove the built-in users and set RIGHTSDESK_OIDC_ENABLED=true with"
                    + " QUARKUS_OIDC_AUTH_SERVER_URL, QUARKUS_OIDC_CLIENT_ID and QUARKUS_OIDC_CREDENTIALS_SECRET (docs/officer.md).");
        }
    }
}
