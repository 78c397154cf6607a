package dev.rightsdesk.intake.ratelimit;

import dev.rightsdesk.platform.error.ProblemException;
import java.util.List;

/**
 * A limit was reached; answered 429 with {@code Retry-After} (problem+json on the API, a page on the form).
 * Carries no personal data: only the action and the wait.
 */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitedException(String action, long retryAfterSeconds) {
        super(429, "rate-limited", "Too many requests",
                "Too many attempts in a short time; try again in " + retryAfterSeconds + " seconds", List.of());
        withHeader("Retry-After", String.valueOf(retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
