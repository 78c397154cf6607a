package dev.rightsdesk.fanout.results;

import dev.rightsdesk.fanout.FanoutConfig;
import dev.rightsdesk.fanout.TaskCommand;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the connected systems' results from {@value #TOPIC}. A record that is not a valid result throws, so
 * the connector sends it to {@code dsr.task-results.dlq} with the reason in its headers and carries on with
 * the next one (failure-strategy dead-letter-queue); the ticket it names, if any, is flagged first.
 * A valid result is applied in one transaction, retried a few times if the database says no (lock or
 * connection trouble), and only then given up to the dead-letter topic.
 */
@ApplicationScoped
public class TaskResultConsumer {

    public static final String CHANNEL = "task-results";
    public static final String TOPIC = TaskCommand.RESULTS_TOPIC;
    static final int APPLY_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(TaskResultConsumer.class);

    private final TaskResultService service;
    private final TaskResultParser parser;

    public TaskResultConsumer(TaskResultService service, FanoutConfig config) {
        this.service = service;
        this.parser = new TaskResultParser(config.inlineAnswerLimit(), config.maxAnswerChunks());
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onResult(ConsumerRecord<String, String> record) {
        String at = record.topic() + "-" + record.partition() + "@" + record.offset();
        TaskResult result;
        try {
            result = parser.parse(record.value());
        } catch (MalformedResultException e) {
            LOG.warnf("Malformed result %s goes to the dead-letter topic: %s", at, e.getMessage());
            if (e.taskId() != null) {
                flag(e, at);
            }
            throw e;
        }
        apply(result, at);
    }

    private void apply(TaskResult result, String at) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> service.apply(result));
                return;
            } catch (RuntimeException e) {
                if (attempt >= APPLY_ATTEMPTS) {
                    LOG.errorf(e, "Result %s (%s) could not be applied; it goes to the dead-letter topic", result.eventId(), at);
                    // No cause attached: the dead-letter headers must not quote database messages.
                    throw new IllegalStateException("result could not be applied after " + attempt + " attempts ("
                            + e.getClass().getSimpleName() + ")");
                }
                LOG.warnf("Result %s (%s) not applied (%s), trying again", result.eventId(), at, e.getClass().getSimpleName());
                pause(attempt);
            }
        }
    }

    private void flag(MalformedResultException e, String at) {
        try {
            QuarkusTransaction.requiringNew().run(() -> service.rejected(e.taskId(), at, e.getMessage()));
        } catch (RuntimeException failure) {
            LOG.warnf("Could not flag the ticket of malformed result %s: %s", at, failure.getClass().getSimpleName());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
