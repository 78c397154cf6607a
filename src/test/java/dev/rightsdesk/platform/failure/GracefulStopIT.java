package dev.rightsdesk.platform.failure;

import static dev.rightsdesk.platform.failure.PackagedService.count;
import static dev.rightsdesk.platform.failure.PackagedService.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.testing.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 finding 8 and issue 11 item 5: SIGTERM while a backlog of results is being applied. The packaged service
 * stops within 5 s, logs nothing above INFO while stopping, dead-letters none of the results it was applying (it
 * used to, with "EntityManagerFactory is closed"), and after a restart every result is applied.
 */
class GracefulStopIT {

    private static final Logger LOG = Logger.getLogger(GracefulStopIT.class);
    static final String RESULTS = "dsr.task-results";

    @Test
    void aStopUnderLoadIsFastQuietAndLosesNoResult() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> tickets = new ArrayList<>();
        List<Map.Entry<String, String>> results = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        try (PackagedService first = PackagedService.start("graceful-stop-1", Map.of())) {
            for (int i = 0; i < 40; i++) {
                tickets.add(first.submit("ACCESS", "stop-" + run + "-" + i + "@example.org"));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> count("SELECT count(DISTINCT ticket_id) FROM task"
                    + " WHERE ticket_id::text = ANY(?) AND state = 'SENT'", tickets) == tickets.size());
            // every task answered NOT_FOUND, and each answer delivered five times (at least once delivery): a backlog
            // of inbox look-ups and ticket moves that takes the consumer a while
            for (List<Object> task : rows("SELECT id::text, ticket_id::text, attempts, system_key FROM task"
                    + " WHERE ticket_id::text = ANY(?)", tickets)) {
                String eventId = "stop-" + UUID.randomUUID();
                eventIds.add(eventId);
                String value = ResultsFailureTest.result(eventId, task.get(0).toString(), task.get(1).toString(),
                        ((Number) task.get(2)).intValue(), task.get(3).toString(), "NOT_FOUND");
                for (int copy = 0; copy < 5; copy++) {
                    results.add(Map.entry(task.get(1).toString(), value));
                }
            }
            TopicReader.sendAll(RESULTS, results);
            // stop as soon as the consumer is at work on them
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> count(
                    "SELECT count(*) FROM task WHERE ticket_id::text = ANY(?) AND state = 'NOT_FOUND'", tickets) > 0);
            long logBefore = first.logSize();
            Duration took = first.stop(Duration.ofSeconds(60));
            long applied = count("SELECT count(*) FROM task WHERE ticket_id::text = ANY(?) AND state = 'NOT_FOUND'", tickets);
            LOG.infof("Stopped in %d ms with %d of %d tasks answered", took.toMillis(), applied, eventIds.size());
            assertThat(took).as("SIGTERM to exit").isLessThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(first.logSince(logBefore)).as("log lines while stopping")
                    .noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("EntityManagerFactory is closed"));
        }

        try (PackagedService second = PackagedService.start("graceful-stop-2", Map.of())) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> count(
                    "SELECT count(*) FROM task WHERE ticket_id::text = ANY(?) AND state <> 'NOT_FOUND'", tickets) == 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM ticket WHERE id::text = ANY(?)"
                    + " AND status = 'READY_FOR_RESPONSE'", tickets) == tickets.size());
        }
        List<ConsumerRecord<String, String>> dlq = TopicReader.readUntil("dsr.task-results.dlq", Duration.ofSeconds(5), rs -> false);
        assertThat(dlq).as("no result dead-lettered by the stop")
                .noneMatch(r -> r.value() != null && eventIds.stream().anyMatch(r.value()::contains));
    }
}
