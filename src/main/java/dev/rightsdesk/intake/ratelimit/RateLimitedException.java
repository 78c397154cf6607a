package dev.rightsdesk.intake.ratelimit;

/**
 * A limit was reached; answered 429 with {@code Retry-After} (problem+json on the API, a page on the form).
 * Carries no personal data: only the action and the wait.
 */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(String action, long retryAfterSeconds) {
        super("Rate limit reached for " + action, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
