package dev.rightsdesk.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.inbox.Inbox;
import dev.rightsdesk.ticket.TicketEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@value TicketEvents#TOPIC} and queues the notices the subject is owed (Art. 12(3)/(4): told of
 * an extension with its reason, of a refusal with the complaint rights, of the answer). Deduplicated by
 * event id in the same transaction, so an event delivered twice never sends two messages.
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

    public TicketEventsConsumer(Inbox inbox, ObjectMapper mapper) {
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onEvent(String value) throws java.io.IOException {
        if (value == null) {
            return;
        }
        JsonNode event = mapper.readTree(value);
        String id = event.path("id").asText(null);
        String type = event.path("type").asText("");
        if (id == null || !type.startsWith(TYPE_PREFIX)) {
            throw new IllegalArgumentException("Not a Rightsdesk ticket CloudEvent");
        }
        String name = type.substring(TYPE_PREFIX.length(), type.lastIndexOf('.'));
        if (!NOTICE_WORTHY.contains(name) || !inbox.firstDelivery(CONSUMER, id)) {
            return;
        }
        SubjectNotice notice = new SubjectNotice();
        notice.id = UUID.randomUUID();
        notice.ticketId = UUID.fromString(event.path("data").path("ticketId").asText());
        notice.kind = name;
        notice.eventId = id;
        notice.createdAt = Instant.now();
        notice.persist();
        LOG.debugf("Notice %s queued for ticket %s", name, notice.ticketId);
    }
}
