package dev.rightsdesk.fanout.results;

import dev.rightsdesk.fanout.FanoutConfig;
import dev.rightsdesk.fanout.TaskCommand;
import dev.rightsdesk.platform.messaging.BatchApplier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the connected systems' results from {@value #TOPIC}, a poll's worth at a time. A record that is not a
 * valid result is nacked on its own, so the connector sends it to {@code dsr.task-results.dlq} with the reason
 * in its headers (failure-strategy dead-letter-queue), and the ticket it names, if any, is flagged first. The
 * valid ones are applied by {@link BatchApplier}: together in one transaction, one by one if that fails, and
 * waiting while the database is down rather than dead-lettering results that are fine.
 */
@ApplicationScoped
public class TaskResultConsumer {

    public static final String CHANNEL = "task-results";
    public static final String TOPIC = TaskCommand.RESULTS_TOPIC;

    private static final Logger LOG = Logger.getLogger(TaskResultConsumer.class);

    private final TaskResultService service;
    private final TaskResultParser parser;
    private final BatchApplier applier;

    public TaskResultConsumer(TaskResultService service, FanoutConfig config, BatchApplier applier,
            ResultFieldOpener opener) {
        this.service = service;
        this.parser = new TaskResultParser(config.inlineAnswerLimit(), config.maxAnswerChunks(), opener);
        this.applier = applier;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onResults(KafkaRecordBatch<String, String> batch) {
        if (applier.stopping()) {
            return BatchApplier.leave(); // read again after the restart, malformed ones included
        }
        List<CompletionStage<Void>> settled = new ArrayList<>();
        List<BatchApplier.Item<TaskResult>> valid = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                valid.add(new BatchApplier.Item<>(record, parser.parse(record.getPayload())));
            } catch (MalformedResultException e) {
                String at = BatchApplier.position(record);
                LOG.warnf("Malformed result %s goes to the dead-letter topic: %s", at, e.getMessage());
                if (e.taskId() != null) {
                    flag(e, at);
                }
                settled.add(record.nack(e));
            }
        }
        settled.addAll(applier.apply(valid, service::apply));
        return CompletableFuture.allOf(settled.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    private void flag(MalformedResultException e, String at) {
        try {
            QuarkusTransaction.requiringNew().run(() -> service.rejected(e.taskId(), at, e.getMessage()));
        } catch (RuntimeException failure) {
            LOG.warnf("Could not flag the ticket of malformed result %s: %s", at, failure.getClass().getSimpleName());
        }
    }
}
