package dev.rightsdesk.fanout.results;

import dev.rightsdesk.fanout.FanoutConfig;
import dev.rightsdesk.fanout.TaskCommand;
import dev.rightsdesk.platform.error.DatabaseUnavailable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the connected systems' results from {@value #TOPIC}, a poll's worth at a time.
 * <ul>
 * <li>A record that is not a valid result is nacked on its own, so the connector sends it to
 * {@code dsr.task-results.dlq} with the reason in its headers (failure-strategy dead-letter-queue); the ticket it
 * names, if any, is flagged first. The rest of the batch carries on.</li>
 * <li>The valid results of a batch are applied in one transaction, in offset order: one commit instead of one per
 * result is what lets a fan-out of many tickets finish quickly. Each is still deduplicated by event id.</li>
 * <li>If that transaction fails for a reason other than an outage, the results are applied one by one, each in its
 * own transaction and retried a few times, so one bad result cannot hold the others back; only a result that
 * still fails goes to the dead-letter topic.</li>
 * <li>While the database is unreachable nothing is given up: the batch waits, with growing pauses, until the
 * database is back (the connector stops fetching meanwhile), and its offsets are committed only after.</li>
 * </ul>
 */
@ApplicationScoped
public class TaskResultConsumer {

    public static final String CHANNEL = "task-results";
    public static final String TOPIC = TaskCommand.RESULTS_TOPIC;
    static final int APPLY_ATTEMPTS = 3;
    private static final Duration MAX_OUTAGE_PAUSE = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(TaskResultConsumer.class);

    private final TaskResultService service;
    private final TaskResultParser parser;
    private final EntityManager em;
    private volatile boolean stopping;

    public TaskResultConsumer(TaskResultService service, FanoutConfig config, EntityManager em) {
        this.service = service;
        this.parser = new TaskResultParser(config.inlineAnswerLimit(), config.maxAnswerChunks());
        this.em = em;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onResults(KafkaRecordBatch<String, String> batch) {
        List<CompletionStage<Void>> settled = new ArrayList<>();
        List<Parsed> valid = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            String at = record.getTopic() + "-" + record.getPartition() + "@" + record.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(m -> String.valueOf(m.getOffset())).orElse("?");
            try {
                valid.add(new Parsed(record, parser.parse(record.getPayload()), at));
            } catch (MalformedResultException e) {
                LOG.warnf("Malformed result %s goes to the dead-letter topic: %s", at, e.getMessage());
                if (e.taskId() != null) {
                    flag(e, at);
                }
                settled.add(record.nack(e));
            }
        }
        if (!valid.isEmpty()) {
            if (applyTogether(valid)) {
                valid.forEach(p -> settled.add(p.record().ack()));
            } else {
                valid.forEach(p -> settled.add(applyAlone(p)));
            }
        }
        return CompletableFuture.allOf(settled.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    /** A record and the result it holds. */
    private record Parsed(KafkaRecord<String, String> record, TaskResult result, String at) {
    }

    /** One transaction for the whole batch; false when it failed for a reason other than an outage. */
    private boolean applyTogether(List<Parsed> valid) {
        if (valid.size() == 1) {
            return false; // nothing to share: the single path has the retries
        }
        for (int outage = 1; ; outage++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (Parsed p : valid) {
                        service.apply(p.result());
                        // The next result may refresh an entity this one changed: write the change out first.
                        em.flush();
                    }
                });
                return true;
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e) || stopping) {
                    LOG.warnf("A batch of %d results was not applied together (%s); applying them one by one",
                            valid.size(), e.getClass().getSimpleName());
                    return false;
                }
                waitOutOutage(outage, valid.size(), e);
            }
        }
    }

    /** Its own transaction, retried a few times; an outage is waited out rather than counted as an attempt. */
    private CompletionStage<Void> applyAlone(Parsed p) {
        int attempt = 1;
        for (int outage = 1; ; ) {
            try {
                QuarkusTransaction.requiringNew().run(() -> service.apply(p.result()));
                return p.record().ack();
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.isCause(e) && !stopping) {
                    waitOutOutage(outage++, 1, e);
                    continue;
                }
                if (attempt >= APPLY_ATTEMPTS) {
                    LOG.errorf(e, "Result %s (%s) could not be applied; it goes to the dead-letter topic", p.result().eventId(), p.at());
                    // No cause attached: the dead-letter headers must not quote database messages.
                    return p.record().nack(new IllegalStateException("result could not be applied after " + attempt
                            + " attempts (" + e.getClass().getSimpleName() + ")"));
                }
                LOG.warnf("Result %s (%s) not applied (%s), trying again", p.result().eventId(), p.at(), e.getClass().getSimpleName());
                sleep(Duration.ofMillis(100L * attempt));
                attempt++;
            }
        }
    }

    private void waitOutOutage(int outage, int results, RuntimeException e) {
        Duration pause = Duration.ofMillis(Math.min(MAX_OUTAGE_PAUSE.toMillis(), 250L << Math.min(outage - 1, 6)));
        LOG.warnf("Database unavailable (%s): %d results wait, next try in %d ms", e.getClass().getSimpleName(), results,
                pause.toMillis());
        sleep(pause);
    }

    private void flag(MalformedResultException e, String at) {
        try {
            QuarkusTransaction.requiringNew().run(() -> service.rejected(e.taskId(), at, e.getMessage()));
        } catch (RuntimeException failure) {
            LOG.warnf("Could not flag the ticket of malformed result %s: %s", at, failure.getClass().getSimpleName());
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            stopping = true; // the worker is being shut down: stop waiting, the records stay uncommitted
        }
    }
}
