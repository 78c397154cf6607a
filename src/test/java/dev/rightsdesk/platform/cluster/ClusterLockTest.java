package dev.rightsdesk.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two replicas (here: two transactions) never run the same scheduled job at once; the lock frees at commit. */
@QuarkusTest
class ClusterLockTest {

    @Inject
    ClusterLock lock;

    @Test
    void onlyOneTransactionHoldsANamedLockAndItIsFreedAtCommit() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            boolean got = lock.tryLock("test-job");
            held.countDown();
            release.await(30, TimeUnit.SECONDS);
            return got;
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(lock.runExclusively("test-job", () -> { })).as("held by the other transaction").isFalse();
            assertThat(lock.runExclusively("other-job", () -> { })).as("another name is another lock").isTrue();
        } finally {
            release.countDown();
        }
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lock.runExclusively("test-job", () -> { })).as("freed at commit").isTrue();
    }

    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Issue 13 finding 10: a replica that dies while it holds a job's lock (here: another database session, killed)
     * does not block the survivor: the lock is free as soon as PostgreSQL drops the session, no lease to expire.
     */
    @Test
    void aLockHeldByAReplicaThatDiesIsFreeForTheSurvivorAtOnce() throws Exception {
        String url = EmbeddedEnginesTestResource.postgres().jdbcUrl();
        try (Connection other = DriverManager.getConnection(url, "postgres", "")) {
            other.setAutoCommit(false);
            int pid;
            try (Statement st = other.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended('rightsdesk:takeover-job', 0)),"
                            + " pg_backend_pid()")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
                pid = rs.getInt(2);
            }
            assertThat(lock.runExclusively("takeover-job", () -> { })).as("held by the other replica").isFalse();
            try (Connection admin = DriverManager.getConnection(url, "postgres", "");
                    Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(" + pid + ")"); // the replica dies mid-transaction
            }
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lock.runExclusively("takeover-job", () -> { }));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    /** On a stop no job takes a lock any more, and the stop waits for the job that holds one. */
    @Test
    void aClosedLockRefusesNewJobsAndWaitsForTheOneRunning() throws Exception {
        ClusterLock stopping = new ClusterLock(em, transactions); // not the application's: the other tests go on
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Boolean> job = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            boolean got = stopping.tryLock("closing-job");
            held.countDown();
            Thread.sleep(500);
            return got;
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThat(stopping.close(Duration.ofSeconds(10))).as("the running job ended").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(job.get()).isTrue();
        assertThat(stopping.runExclusively("other-job", () -> { })).as("no new job once closed").isFalse();
    }
}
