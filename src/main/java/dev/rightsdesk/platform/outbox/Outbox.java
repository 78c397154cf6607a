package dev.rightsdesk.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes events to the outbox table inside the caller's transaction (ADR 0002). The relay publishes
 * them; nothing here talks to Kafka, so a state change and its event can never disagree.
 */
@ApplicationScoped
public class Outbox {

    /** CloudEvents {@code source} of everything Rightsdesk emits. */
    public static final String SOURCE = "/rightsdesk";

    /**
     * Fired for every appended event; the relay observes it after commit to publish at once, the metrics to count
     * committed retries and escalations ({@code payload} is null for a tombstone).
     */
    public record Appended(UUID id, String topic, String type, String payload) {
    }

    private final ObjectMapper mapper;
    private final Event<Appended> appended;

    public Outbox(ObjectMapper mapper, Event<Appended> appended) {
        this.mapper = mapper;
        this.appended = appended;
    }

    /**
     * Appends a structured-mode CloudEvent.
     *
     * @param topic Kafka topic
     * @param key record key (the ticket id for ticket events, so that they stay in order per ticket)
     * @param type CloudEvent type, e.g. {@code dev.rightsdesk.ticket.received.v1}
     * @param subject CloudEvent subject, e.g. the ticket id
     * @param data the event data; must hold no personal data unless the receiving system needs it
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ObjectNode envelope = mapper.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id.toString())
                .put("source", SOURCE)
                .put("type", type)
                .put("subject", subject)
                .put("time", now.toString())
                .put("datacontenttype", "application/json");
        envelope.set("data", mapper.valueToTree(data));
        persist(id, topic, key, type, envelope.toString(), now);
        return id;
    }

    /** Appends a tombstone (null value) for {@code key} on a compacted topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID appendTombstone(String topic, String key, String type) {
        UUID id = UUID.randomUUID();
        persist(id, topic, key, type, null, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return id;
    }

    private void persist(UUID id, String topic, String key, String type, String payload, Instant now) {
        OutboxEvent event = new OutboxEvent();
        event.id = id;
        event.topic = topic;
        event.key = key;
        event.type = type;
        event.payload = payload;
        event.createdAt = now;
        event.persist();
        appended.fire(new Appended(id, topic, type, payload));
    }
}
