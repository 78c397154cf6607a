package dev.rightsdesk.platform.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a scheduled job act on one replica at a time: a PostgreSQL transaction-scoped advisory lock named after
 * the job. Every {@code @Scheduled} job that changes data takes one (ScheduledJobsTest checks), so running two or
 * more replicas never doubles an escalation, a re-send or a purge. The lock is released when the transaction
 * ends, also when the replica dies, so no lease has to expire.
 *
 * <p>On a stop, {@link #close(Duration)} refuses every new lock (the job then does nothing, as if another replica
 * held it) and waits for the transactions that hold one to end, so that no job is cut off by the closing ORM.
 */
@ApplicationScoped
public class ClusterLock {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    /** Transactions of this replica that hold (or are taking) a lock. */
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean closed;

    public ClusterLock(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /**
     * Takes the lock {@code name} for the current transaction; false when another replica holds it (then do nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String name) {
        // counted before the check, so close() either sees this job or this job sees closed
        held.incrementAndGet();
        boolean locked = false;
        try {
            locked = !closed && (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "rightsdesk:" + name).getSingleResult();
            if (locked) {
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        held.decrementAndGet();
                    }
                });
            }
            return locked;
        } finally {
            if (!locked) {
                held.decrementAndGet();
            }
        }
    }

    /**
     * Refuses every lock from now on and waits at most {@code grace} for the transactions holding one to end.
     *
     * @return true when none holds a lock any more
     */
    public boolean close(Duration grace) {
        closed = true;
        long end = System.nanoTime() + grace.toNanos();
        while (held.get() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return held.get() == 0;
    }

    /**
     * Runs {@code work} in a new transaction that holds the lock {@code name}; returns false without running it
     * when another replica holds the lock.
     */
    public boolean runExclusively(String name, Runnable work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!tryLock(name)) {
                return false;
            }
            work.run();
            return true;
        });
    }
}
