package dev.rightsdesk.platform.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes a scheduled job act on one replica at a time: a PostgreSQL transaction-scoped advisory lock named after
 * the job. Every {@code @Scheduled} job that changes data takes one (ScheduledJobsTest checks), so running two or
 * more replicas never doubles an escalation, a re-send or a purge. The lock is released when the transaction
 * ends, also when the replica dies, so no lease has to expire.
 */
@ApplicationScoped
public class ClusterLock {

    private final EntityManager em;

    public ClusterLock(EntityManager em) {
        this.em = em;
    }

    /**
     * Takes the lock {@code name} for the current transaction; false when another replica holds it (then do nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String name) {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "rightsdesk:" + name).getSingleResult();
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
