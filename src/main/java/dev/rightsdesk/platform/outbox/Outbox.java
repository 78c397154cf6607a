package dev.rightsdesk.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import dev.rightsdesk.platform.crypto.LenientEncryptedStringConverter;
import dev.rightsdesk.platform.persistence.BeforeCommitBuffer;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
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

    /** Key of the current transaction's pending rows in the transaction synchronization registry. */
    private static final Object ROWS = new Object();

    private final ObjectMapper mapper;
    private final Event<Appended> appended;
    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;
    private final LenientEncryptedStringConverter payloads = new LenientEncryptedStringConverter();

    public Outbox(ObjectMapper mapper, Event<Appended> appended, TransactionSynchronizationRegistry transactions,
            DataSource dataSource) {
        this.mapper = mapper;
        this.appended = appended;
        this.transactions = transactions;
        this.dataSource = dataSource;
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
        pendingRows().add(new Row(id, topic, key, type, payload == null ? null : payloads.convertToDatabaseColumn(payload), now));
        appended.fire(new Appended(id, topic, type, payload));
    }

    /** An event waiting in its transaction for the insert at commit; the payload already encrypted. */
    private record Row(UUID id, String topic, String key, String type, String payloadEnc, Instant createdAt) {
    }

    /**
     * The rows of the current transaction, written together just before it commits. One batched insert instead of
     * a Hibernate persist each: a fan-out writes 10 or more events per ticket, and the per-entity work (and one
     * IDENTITY insert per row, which defeats JDBC batching) was a fifth of its CPU. Inserted in append order, so
     * {@code seq} still follows the order of the events within a transaction. The insert runs inside the
     * transaction (before completion): if it fails, the transaction rolls back with everything it announced.
     */
    private List<Row> pendingRows() {
        return BeforeCommitBuffer.rows(transactions, ROWS, this::insert);
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // The datasource hands out the connection enlisted in this JTA transaction: the rows commit with it.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event"
                        + " (id, topic, event_key, type, payload, created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            for (Row row : rows) {
                insert.setObject(1, row.id());
                insert.setString(2, row.topic());
                insert.setString(3, row.key());
                insert.setString(4, row.type());
                insert.setString(5, row.payloadEnc());
                insert.setObject(6, OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox events could not be written (" + e.getSQLState() + ")", e);
        }
    }
}
