package dev.rightsdesk.intake.ratelimit;

import dev.rightsdesk.intake.SubjectSecrets;
import dev.rightsdesk.platform.cluster.ClusterLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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
        Instant now = Instant.now();
        List<Window> windows = new ArrayList<>(2);
        if (clientAddress != null) {
            windows.add(window(action, "client", clientAddress, perClient.get(action), now));
        }
        if (emailHash != null) {
            windows.add(window(action, "email", emailHash, perEmail.get(action), now));
        }
        if (windows.isEmpty()) {
            return;
        }
        List<Integer> hits = QuarkusTransaction.requiringNew().call(() -> count(windows));
        long wait = 0;
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            if (hits.get(i) > w.limit().count()) {
                wait = Math.max(wait, Math.max(1, w.start() + w.limit().window().toSeconds() - now.getEpochSecond()));
            }
        }
        if (wait > 0) {
            throw new RateLimitedException(action.name().toLowerCase(), wait);
        }
    }

    /** The counter one hit goes to: a keyed hash of the scope's value and the start of the current window. */
    private record Window(String bucket, long start, Limit limit) {
    }

    private Window window(Action action, String scope, String value, Limit limit, Instant now) {
        long windowSeconds = limit.window().toSeconds();
        long start = Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds;
        String bucket = action.name().toLowerCase() + ":" + scope + ":"
                + secrets.keyedHash(HASH_DOMAIN, scope + ":" + value).substring(0, 40);
        return new Window(bucket, start, limit);
    }

    /**
     * Counts the hit in every window with one statement and returns the counts so far, in order. The commit need
     * not wait for the disk (synchronous_commit off, for this transaction only): a crash may forget the last
     * fraction of a second of hits, which a rate limit can afford, and the submission itself no longer waits for
     * two extra fsyncs before its own durable commit.
     */
    @SuppressWarnings("unchecked")
    private List<Integer> count(List<Window> windows) {
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        StringBuilder sql = new StringBuilder("INSERT INTO rate_limit_counter (bucket, window_start, hits) VALUES ");
        for (int i = 0; i < windows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(", 1)");
        }
        sql.append(" ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counter.hits + 1 RETURNING bucket, hits");
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < windows.size(); i++) {
            query.setParameter(2 * i + 1, windows.get(i).bucket()).setParameter(2 * i + 2, Instant.ofEpochSecond(windows.get(i).start()));
        }
        Map<String, Integer> byBucket = new HashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            byBucket.put((String) row[0], ((Number) row[1]).intValue());
        }
        List<Integer> hits = new ArrayList<>(windows.size());
        windows.forEach(w -> hits.add(byBucket.getOrDefault(w.bucket(), 1)));
        return hits;
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
