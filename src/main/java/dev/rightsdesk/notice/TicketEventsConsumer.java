package dev.rightsdesk.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.inbox.Inbox;
import dev.rightsdesk.platform.messaging.BatchApplier;
import dev.rightsdesk.ticket.TicketEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@value TicketEvents#TOPIC} and queues the notices the subject is owed (Art. 12(3)/(4): told of
 * an extension with its reason, of a refusal with the complaint rights, of the answer). Deduplicated by
 * event id in the same transaction, so an event delivered twice never sends two messages. A poll's notices are
 * queued in one transaction ({@link BatchApplier}); a record that is no ticket CloudEvent goes to the DLQ alone.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    public static final String CHANNEL = "ticket-events";
    static final String CONSUMER = "subject-notices";

    /** Ticket events that owe the subject a message. */
    static final Set<String> NOTICE_WORTHY = Set.of(
            TicketEvents.RECEIVED, TicketEvents.VERIFIED, TicketEvents.EXTENDED, TicketEvents.REFUSED,
            TicketEvents.COMPLETED, "objection-upheld", "objection-overruled");

    private static final Logger LOG = Logger.getLogger(TicketEventsConsumer.class);
    private static final String TYPE_PREFIX = "dev.rightsdesk.ticket.";

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final BatchApplier applier;

    public TicketEventsConsumer(Inbox inbox, ObjectMapper mapper, BatchApplier applier) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.applier = applier;
    }

    /** A notice owed by one event. */
    record Owed(String eventId, UUID ticketId, String kind) {
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        if (applier.stopping()) {
            return BatchApplier.leave(); // read again after the restart
        }
        List<CompletionStage<Void>> settled = new ArrayList<>();
        List<BatchApplier.Item<Owed>> owed = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                Owed notice = read(record.getPayload());
                if (notice == null) {
                    settled.add(record.ack());
                } else {
                    owed.add(new BatchApplier.Item<>(record, notice));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Ticket event %s is no ticket CloudEvent; it goes to the dead-letter topic", BatchApplier.position(record));
                settled.add(record.nack(e instanceof IllegalArgumentException ? e
                        : new IllegalArgumentException("Not a Rightsdesk ticket CloudEvent (" + e.getClass().getSimpleName() + ")")));
            }
        }
        settled.addAll(applier.apply(owed, this::queue));
        return CompletableFuture.allOf(settled.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    /** The notice an event owes, or null when it owes none. */
    private Owed read(String value) throws IOException {
        if (value == null) {
            return null;
        }
        JsonNode event = mapper.readTree(value);
        String id = event.path("id").asText(null);
        String type = event.path("type").asText("");
        if (id == null || !type.startsWith(TYPE_PREFIX) || type.lastIndexOf('.') <= TYPE_PREFIX.length()) {
            throw new IllegalArgumentException("Not a Rightsdesk ticket CloudEvent");
        }
        String name = type.substring(TYPE_PREFIX.length(), type.lastIndexOf('.'));
        if (!NOTICE_WORTHY.contains(name)) {
            return null;
        }
        return new Owed(id, UUID.fromString(event.path("data").path("ticketId").asText()), name);
    }

    /** Runs in the applier's transaction. */
    private void queue(Owed owed) {
        if (!inbox.firstDelivery(CONSUMER, owed.eventId())) {
            return;
        }
        SubjectNotice notice = new SubjectNotice();
        notice.id = UUID.randomUUID();
        notice.ticketId = owed.ticketId();
        notice.kind = owed.kind();
        notice.eventId = owed.eventId();
        notice.createdAt = Instant.now();
        notice.persist();
        LOG.debugf("Notice %s queued for ticket %s", owed.kind(), owed.ticketId());
    }
}
