package dev.rightsdesk.officer.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits on wrong staff passwords ({@link SignInThrottle}): {@code rightsdesk.security.sign-in-throttle.*}. */
@ConfigMapping(prefix = "rightsdesk.security.sign-in-throttle")
public interface SignInThrottleConfig {

    /** Wrong passwords for one user name within {@link #window()} before that name is refused until the window ends. */
    @WithDefault("5")
    int perUser();

    /** Wrong passwords from one client address within {@link #window()} before that address is refused. */
    @WithDefault("20")
    int perClient();

    /** The window the wrong passwords are counted in; the refusal lasts until it ends ({@code Retry-After}). */
    @WithDefault("15m")
    Duration window();
}
