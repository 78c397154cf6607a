package dev.rightsdesk.platform.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Counts retries and escalations from the ticket events that announce them, once their transaction committed: a
 * rolled-back re-send is not counted, and no feature has to remember to call {@link Metrics}. Reads only the
 * event type and the system key in {@code data.detail}; ticket events carry no personal data anyway.
 */
@ApplicationScoped
public class EventMetrics {

    static final String RESENT = "dev.rightsdesk.ticket.task-resent.v1";
    static final String TASK_ESCALATED = "dev.rightsdesk.ticket.task-escalated.v1";
    static final String DEADLINE_WARNING = "dev.rightsdesk.ticket.deadline-warning.v1";

    private final Metrics metrics;
    private final ObjectMapper mapper;

    public EventMetrics(Metrics metrics, ObjectMapper mapper) {
        this.metrics = metrics;
        this.mapper = mapper;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended event) {
        String type = event.type();
        if (RESENT.equals(type)) {
            metrics.taskRetried(system(event.payload()));
        } else if (TASK_ESCALATED.equals(type)) {
            metrics.escalated("task");
        } else if (DEADLINE_WARNING.equals(type)) {
            metrics.escalated("deadline");
        }
    }

    private String system(String payload) {
        try {
            JsonNode detail = mapper.readTree(payload).path("data").path("detail");
            return detail.path("system").asText("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
