package dev.rightsdesk.officer.signin;

import java.time.Duration;

/** A staff sign-in refused before its password was checked: too many wrong ones; answered 429 with Retry-After. */
public class SignInThrottled extends RuntimeException {

    private final transient Duration retryAfter;

    public SignInThrottled(Duration retryAfter) {
        super("Too many wrong passwords", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
