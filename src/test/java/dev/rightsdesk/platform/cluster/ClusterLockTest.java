package dev.rightsdesk.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
}
