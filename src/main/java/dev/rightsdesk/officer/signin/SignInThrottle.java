package dev.rightsdesk.officer.signin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts wrong staff passwords per user name and per client address in fixed windows, and says how long a sign-in
 * must wait once either count is used up. A name that does not exist is counted like one that does, so the answers
 * tell nothing about which names exist. Kept in memory per replica: the limits multiply by the replica count, which
 * still turns an online guessing attack from thousands of tries a minute into a handful per window; production
 * signs staff in through the OIDC provider, which throttles on its own.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Entries beyond this many trigger a sweep of ended windows, so a spray of names cannot fill the heap. */
    static final int SWEEP_ABOVE = 10_000;

    private record Window(Instant start, int failures) {
    }

    private final SignInThrottleConfig config;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public SignInThrottle(SignInThrottleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** How long this user name from this client must wait before trying again; empty when it may try now. */
    public Optional<Duration> wait(String user, String client) {
        Instant now = clock.instant();
        Duration byUser = waitFor(userKey(user), config.perUser(), now);
        Duration byClient = waitFor(clientKey(client), config.perClient(), now);
        Duration longest = byUser.compareTo(byClient) >= 0 ? byUser : byClient;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a wrong password for this name and this client. */
    public void failed(String user, String client) {
        Instant now = clock.instant();
        count(userKey(user), now);
        count(clientKey(client), now);
        if (windows.size() > SWEEP_ABOVE) {
            windows.entrySet().removeIf(e -> ended(e.getValue(), now));
        }
    }

    /** A right password clears the name's count (not the client's: one known account must not reset a spray). */
    public void succeeded(String user) {
        windows.remove(userKey(user));
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Window w = windows.get(key);
        if (w == null || ended(w, now) || w.failures() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, w.start().plus(config.window()));
        return left.isNegative() || left.isZero() ? Duration.ZERO : left;
    }

    private void count(String key, Instant now) {
        windows.compute(key, (k, w) -> w == null || ended(w, now) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    private boolean ended(Window w, Instant now) {
        return !now.isBefore(w.start().plus(config.window()));
    }

    private static String userKey(String user) {
        return "u:" + (user == null ? "" : user.trim().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "c:" + client;
    }
}
