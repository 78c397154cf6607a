package dev.rightsdesk.intake.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on the subject's public endpoints: {@code rightsdesk.rate-limit.*}. Each limit is written
 * {@code <count>/<window>}, for example {@code 20/10m} (20 per 10 minutes) or {@code 3/1h}.
 * Counters live in PostgreSQL, so every replica counts against the same limit.
 */
@ConfigMapping(prefix = "rightsdesk.rate-limit")
public interface RateLimitConfig {

    /** {@code rightsdesk.rate-limit.enabled}: off only for load tests behind another limiter. */
    @WithDefault("true")
    boolean enabled();

    /** {@code rightsdesk.rate-limit.submit-per-client}: requests submitted from one client address. */
    @WithDefault("20/10m")
    String submitPerClient();

    /** {@code rightsdesk.rate-limit.submit-per-email}: requests submitted for one e-mail address. */
    @WithDefault("5/1h")
    String submitPerEmail();

    /** {@code rightsdesk.rate-limit.verify-per-client}: codes entered from one client address. */
    @WithDefault("30/10m")
    String verifyPerClient();

    /**
     * {@code rightsdesk.rate-limit.verify-per-email}: codes entered for requests of one e-mail address. With the
     * code's own limit of wrong entries this caps guessing; see docs/subject-side.md for the arithmetic.
     */
    @WithDefault("5/1h")
    String verifyPerEmail();

    /** {@code rightsdesk.rate-limit.resend-per-client}: new codes asked for from one client address. */
    @WithDefault("10/10m")
    String resendPerClient();

    /** {@code rightsdesk.rate-limit.resend-per-email}: new codes sent to one e-mail address. */
    @WithDefault("3/1h")
    String resendPerEmail();

    /** {@code rightsdesk.rate-limit.lookup-per-client}: "send me my status links again" from one client address. */
    @WithDefault("10/10m")
    String lookupPerClient();

    /** {@code rightsdesk.rate-limit.lookup-per-email}: "send me my status links again" for one e-mail address. */
    @WithDefault("3/1h")
    String lookupPerEmail();
}
