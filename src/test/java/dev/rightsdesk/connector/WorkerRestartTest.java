package dev.rightsdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.fanout.results.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A worker stopped in the middle of a command (a deploy, a crash of the pod) leaves it in progress and uncommitted;
 * the next member of the consumer group executes it again and answers once.
 */
@QuarkusTest
@TestProfile(ConnectorTestProfile.class)
class WorkerRestartTest {

    @Inject
    TaskLog log;

    @Inject
    ObjectMapper json;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Test
    void aCommandInProgressAtAStopIsExecutedAgainByTheNextStart() throws Exception {
        ConnectorWorker.Settings settings = new ConnectorWorker.Settings("restart-probe", "dsr.tasks.restart-probe",
                false, 2, Duration.ofSeconds(30), 262144, Duration.ofMillis(500));
        CountDownLatch started = new CountDownLatch(1);
        DataStoreConnector stuck = (command, progress) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorFailure("interrupted", true);
            }
            return ConnectorResult.completed("too late", null);
        };
        AtomicInteger executed = new AtomicInteger();
        DataStoreConnector quick = (command, progress) -> {
            executed.incrementAndGet();
            return ConnectorResult.completed("done after the restart", null);
        };

        ConnectorWorker first = new ConnectorWorker(settings, stuck, log, kafka, json, Clock.systemUTC(), FieldCodec.CLEAR);
        first.start();
        UUID task = UUID.randomUUID();
        String command = ConnectorRuntimeTest.command(UUID.randomUUID().toString(), task, UUID.randomUUID(), "ERASURE", 1,
                "restart@example.org", null).replace("\"systemKey\":\"people\"", "\"systemKey\":\"restart-probe\"");
        ConnectorRuntimeTest.send(command);
        assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(log.find(task).orElseThrow().state()).isEqualTo(TaskLog.State.IN_PROGRESS);
        first.stop();

        ConnectorWorker second = new ConnectorWorker(settings, quick, log, kafka, json, Clock.systemUTC(), FieldCodec.CLEAR);
        second.start();
        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> log.find(task).orElseThrow().state() == TaskLog.State.DONE);
            var finals = ConnectorRuntimeTest.finalResults(task, 1);
            assertThat(finals).hasSize(1);
            assertThat(ConnectorRuntimeTest.CONTRACT.parse(finals.get(0).value()).outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(executed.get()).isEqualTo(1);
            assertThat(log.find(task).orElseThrow().executions()).isEqualTo(2);
        } finally {
            second.stop();
        }
    }
}
