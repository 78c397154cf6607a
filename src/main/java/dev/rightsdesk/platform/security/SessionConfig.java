package dev.rightsdesk.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Server-side sessions of form sign-in ({@link StaffSessions}): {@code rightsdesk.security.session.*}. */
@ConfigMapping(prefix = "rightsdesk.security.session")
public interface SessionConfig {

    /** A session nobody used for this long ends; the next page asks to sign in again. */
    @WithDefault("30m")
    Duration idleTimeout();

    /** A session ends this long after sign-in, however busy: a stolen cookie is not good for ever. */
    @WithDefault("8h")
    Duration absoluteTimeout();

    /**
     * How often a session's last use is written back at most. Each page checks its session; writing its last use
     * on every page would make every page view a database write.
     */
    @WithDefault("1m")
    Duration touchInterval();
}
