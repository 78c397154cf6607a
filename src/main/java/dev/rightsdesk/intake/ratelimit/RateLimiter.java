package dev.rightsdesk.intake.ratelimit;

import dev.rightsdesk.intake.SubjectSecrets;
import dev.rightsdesk.platform.cluster.ClusterLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Fixed-window counters in PostgreSQL, shared by every replica: each hit is one atomic upsert that
 * returns the count so far. Buckets are keyed hashes of the client address or of the e-mail's blind
 * index, never the raw values. A fixed window can let up to twice the limit through around a window's
 * edge; that is accepted for a public form (documented in docs/subject-side.md).
 */
@ApplicationScoped
public class RateLimiter {

    /** What is being limited; each has a per-client and a per-e-mail limit. */
    public enum Action {
        SUBMIT, VERIFY, RESEND, LOOKUP
    }

    /** A parsed {@code <count>/<window>} limit. */
    record Limit(int count, Duration window) {

        static Limit parse(String key, String spec) {
            String[] parts = spec.trim().split("/", 2);
            try {
                int count = Integer.parseInt(parts[0].trim());
                String w = parts[1].trim().toUpperCase();
                Duration window = w.startsWith("P") ? Duration.parse(w)
                        : w.endsWith("D") ? Duration.parse("P" + w) : Duration.parse("PT" + w);
                if (count < 1 || window.toSeconds() < 1) {
                    throw new IllegalArgumentException();
                }
                return new Limit(count, window);
            } catch (RuntimeException e) {
                throw new IllegalStateException("rightsdesk.rate-limit." + key
                        + " must look like 20/10m (count per window), not " + spec);
            }
        }
    }

    private static final String HASH_DOMAIN = "rate-limit";

    private final boolean enabled;
    private final Map<Action, Limit> perClient = new EnumMap<>(Action.class);
    private final Map<Action, Limit> perEmail = new EnumMap<>(Action.class);
    private final EntityManager em;
    private final SubjectSecrets secrets;
    private final ClusterLock cluster;

    public RateLimiter(RateLimitConfig config, EntityManager em, SubjectSecrets secrets, ClusterLock cluster) {
        this.cluster = cluster;
        this.enabled = config.enabled();
        this.em = em;
        this.secrets = secrets;
        perClient.put(Action.SUBMIT, Limit.parse("submit-per-client", config.submitPerClient()));
        perEmail.put(Action.SUBMIT, Limit.parse("submit-per-email", config.submitPerEmail()));
        perClient.put(Action.VERIFY, Limit.parse("verify-per-client", config.verifyPerClient()));
        perEmail.put(Action.VERIFY, Limit.parse("verify-per-email", config.verifyPerEmail()));
        perClient.put(Action.RESEND, Limit.parse("resend-per-client", config.resendPerClient()));
        perEmail.put(Action.RESEND, Limit.parse("resend-per-email", config.resendPerEmail()));
        perClient.put(Action.LOOKUP, Limit.parse("lookup-per-client", config.lookupPerClient()));
        perEmail.put(Action.LOOKUP, Limit.parse("lookup-per-email", config.lookupPerEmail()));
    }

    /**
     * Counts one {@code action} for the client address and, when known, the e-mail's blind index; throws
     * {@link RateLimitedException} when either is over its limit. Counted in its own transaction, so a hit
     * stays counted whatever happens next.
     *
     * @param emailHash the blind index of the e-mail address ({@code BlindIndex.ofEmail}), or null
     */
    public void hit(Action action, String clientAddress, String emailHash) {
        if (!enabled) {
            return;
        }
        long wait = 0;
        if (clientAddress != null) {
            wait = Math.max(wait, count(action, "client", clientAddress, perClient.get(action)));
        }
        if (emailHash != null) {
            wait = Math.max(wait, count(action, "email", emailHash, perEmail.get(action)));
        }
        if (wait > 0) {
            throw new RateLimitedException(action.name().toLowerCase(), wait);
        }
    }

    /** Returns 0 when within the limit, else the seconds until the window ends. */
    private long count(Action action, String scope, String value, Limit limit) {
        Instant now = Instant.now();
        long windowSeconds = limit.window().toSeconds();
        long start = Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds;
        String bucket = action.name().toLowerCase() + ":" + scope + ":"
                + secrets.keyedHash(HASH_DOMAIN, scope + ":" + value).substring(0, 40);
        int hits = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO rate_limit_counter (bucket, window_start, hits) VALUES (?1, ?2, 1)
                ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counter.hits + 1
                RETURNING hits""")
                .setParameter(1, bucket)
                .setParameter(2, Instant.ofEpochSecond(start))
                .getSingleResult()).intValue());
        if (hits <= limit.count()) {
            return 0;
        }
        return Math.max(1, start + windowSeconds - now.getEpochSecond());
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "rate-limit-cleanup")
    void cleanUp() {
        long longest = perEmail.values().stream().mapToLong(l -> l.window().toSeconds()).max().orElse(3600);
        longest = Math.max(longest, perClient.values().stream().mapToLong(l -> l.window().toSeconds()).max().orElse(3600));
        Instant before = Instant.now().minusSeconds(longest + 60);
        cluster.runExclusively("rate-limit-cleanup", () -> em.createNativeQuery(
                "DELETE FROM rate_limit_counter WHERE window_start < ?1").setParameter(1, before).executeUpdate());
    }
}
