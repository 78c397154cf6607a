package dev.rightsdesk.ai.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.inbox.Inbox;
import dev.rightsdesk.platform.messaging.BatchApplier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads OpenLineage run events from {@code openlineage.events} (the OpenLineage Kafka transport's
 * default topic) and checks runs of registered training pipelines. Deduplicated by run id and event
 * type; a record that is not a run event goes to {@code openlineage.events.dlq} and the channel stays up. Applied
 * through {@link BatchApplier}: a database outage is waited out, and a stop leaves the record for the restart.
 */
@ApplicationScoped
public class OpenLineageConsumer {

    public static final String CHANNEL = "openlineage-events";
    public static final String TOPIC = "openlineage.events";
    static final String CONSUMER = "training-runs";

    private static final Logger LOG = Logger.getLogger(OpenLineageConsumer.class);

    private final ObjectMapper mapper;
    private final TrainingPipelines pipelines;
    private final TrainingRunService runs;
    private final Inbox inbox;
    private final BatchApplier applier;

    public OpenLineageConsumer(ObjectMapper mapper, TrainingPipelines pipelines, TrainingRunService runs, Inbox inbox,
            BatchApplier applier) {
        this.mapper = mapper;
        this.pipelines = pipelines;
        this.runs = runs;
        this.inbox = inbox;
        this.applier = applier;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onEvent(KafkaRecord<String, String> record) {
        if (applier.stopping()) {
            return BatchApplier.leave();
        }
        LineageEvent event;
        try {
            event = LineageEvent.parse(mapper, record.getPayload());
        } catch (LineageEvent.Malformed e) {
            LOG.warnf("Malformed OpenLineage record sent to the dead-letter topic: %s", e.getMessage());
            return record.nack(e);
        }
        return applier.apply(List.of(new BatchApplier.Item<>(record, event)), this::apply).get(0);
    }

    /** Runs in the applier's transaction. */
    private void apply(LineageEvent event) {
        if (pipelines.find(event.jobNamespace(), event.jobName()).isEmpty()) {
            return; // not a training pipeline: lineage of other jobs is none of our business
        }
        if (!inbox.firstDelivery(CONSUMER, event.inboxKey())) {
            return;
        }
        runs.record(event);
    }
}
