package dev.rightsdesk.ai.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads OpenLineage run events from {@code openlineage.events} (the OpenLineage Kafka transport's
 * default topic) and checks runs of registered training pipelines. Deduplicated by run id and event
 * type; a record that is not a run event goes to {@code openlineage.events.dlq} and the channel stays up.
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

    public OpenLineageConsumer(ObjectMapper mapper, TrainingPipelines pipelines, TrainingRunService runs, Inbox inbox) {
        this.mapper = mapper;
        this.pipelines = pipelines;
        this.runs = runs;
        this.inbox = inbox;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onEvent(String value) {
        LineageEvent event;
        try {
            event = LineageEvent.parse(mapper, value);
        } catch (LineageEvent.Malformed e) {
            LOG.warnf("Malformed OpenLineage record sent to the dead-letter topic: %s", e.getMessage());
            throw e;
        }
        if (pipelines.find(event.jobNamespace(), event.jobName()).isEmpty()) {
            return; // not a training pipeline: lineage of other jobs is none of our business
        }
        if (!inbox.firstDelivery(CONSUMER, event.inboxKey())) {
            return;
        }
        runs.record(event);
    }
}
