package dev.rightsdesk.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Stops a production start that signs staff in through the form ({@code /officer/login}) without a configured
 * session key. Without one Quarkus makes a temporary key at each start (and used to log it, so anyone who read the
 * log could forge a sign-in cookie): sessions would also break on every restart and differ between replicas. The
 * embedded default run generates its key into {@code data/secrets.properties}; production sets
 * {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} from a Secret (docs/deployment.md).
 */
@ApplicationScoped
public class SessionKeyGuard {

    private static final Logger LOG = Logger.getLogger(SessionKeyGuard.class);
    /** Quarkus' own name for the key of the form sign-in cookie. */
    public static final String KEY = "quarkus.http.auth.session.encryption-key";
    /** PersistentLoginManager refuses shorter keys; we ask for at least this many characters. */
    static final int MIN_LENGTH = 32;

    private final Config config;

    public SessionKeyGuard(Config config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        boolean embedded = config.getOptionalValue("rightsdesk.embedded.active", Boolean.class).orElse(false);
        boolean oidc = config.getOptionalValue(StaffSignIn.OIDC, Boolean.class).orElse(false);
        try {
            check(LaunchMode.current(), embedded, oidc, config.getOptionalValue(KEY, String.class));
        } catch (IllegalStateException e) {
            // Said here too: the embedded start's exit handler ends the process without printing the cause.
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /** Throws when form sign-in is on in a production start and its key is missing or too short; never quotes the key. */
    static void check(LaunchMode mode, boolean embeddedActive, boolean oidc, Optional<String> key) {
        if (mode != LaunchMode.NORMAL || embeddedActive || oidc) {
            return;
        }
        if (key.isEmpty() || key.get().isBlank()) {
            throw new IllegalStateException("Staff sign in through the form (/officer/login), but no session key is set."
                    + " Set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY from a Secret (at least " + MIN_LENGTH
                    + " random characters, e.g. openssl rand -base64 32), the same on every replica (docs/deployment.md).");
        }
        if (key.get().trim().length() < MIN_LENGTH) {
            throw new IllegalStateException("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is shorter than " + MIN_LENGTH
                    + " characters: use openssl rand -base64 32 (docs/deployment.md).");
        }
    }
}
