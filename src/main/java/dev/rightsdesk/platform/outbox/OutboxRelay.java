package dev.rightsdesk.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import dev.rightsdesk.platform.cluster.WakeableWorker;
import dev.rightsdesk.platform.crypto.LenientEncryptedStringConverter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in {@code seq} order and marks them published only after the broker
 * acknowledged them (acks=all, idempotent producer). One instance at a time holds a PostgreSQL advisory
 * lock for the round, so several replicas never publish out of order or lose an event; a crash before
 * the mark means the row is published again (at-least-once; consumers deduplicate by event id).
 * It runs on one dedicated thread, woken right after a transaction that appended events commits, and
 * polling every {@code rightsdesk.outbox.poll-interval} for rows written by other instances.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Outgoing channel of the relay; the topic is set per record. */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x5249_4748_5453_0001L;

    private final MutinyEmitter<String> emitter;
    private final DataSource dataSource;
    private final LenientEncryptedStringConverter payloads = new LenientEncryptedStringConverter();
    private final OutboxConfig config;
    private final AtomicBoolean paused = new AtomicBoolean();
    private final WakeableWorker worker;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, DataSource dataSource, OutboxConfig config) {
        this.emitter = emitter;
        this.dataSource = dataSource;
        this.config = config;
        this.worker = new WakeableWorker("outbox-relay", config.pollInterval(), config.batchSize(),
                () -> paused.get() ? 0 : relayOnce());
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance (rightsdesk.outbox.relay-enabled=false)");
            return;
        }
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(config.ackTimeout().plusSeconds(5));
    }

    /** Called after a transaction that appended events committed: relay now rather than at the next poll. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended event) {
        wake();
    }

    public void wake() {
        worker.wake();
    }

    /** Relays one batch; returns how many events were published (0 when another instance holds the lock). */
    public int relayOnce() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = relayBatch(connection);
                connection.commit();
                return published;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Outbox relay round failed, will retry: %s", e.getMessage());
            return 0;
        }
    }

    /*
     * A plain JDBC transaction, not JTA: the round waits for the broker's acks while it holds the lock, and a JTA
     * transaction on this thread would be propagated into the producer's callback threads (context propagation),
     * which made Narayana roll rounds back under load ("multiple threads active") and re-send whole batches.
     */
    private int relayBatch(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Pending> batch = pending(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        // Subscribing starts the send; all are in flight at once, in seq order, before we wait for acks.
        List<CompletableFuture<Void>> sends = new ArrayList<>(batch.size());
        for (Pending event : batch) {
            sends.add(emitter.sendMessage(toMessage(event)).subscribeAsCompletionStage());
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        List<Long> acked = new ArrayList<>(batch.size());
        Map<Long, String> failed = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending event = batch.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(event.seq());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(event.seq(), "interrupted");
                break;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                String failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                failed.put(event.seq(), failure.length() > 500 ? failure.substring(0, 500) : failure);
            }
        }
        markPublished(connection, acked);
        markFailed(connection, failed);
        if (!failed.isEmpty()) {
            LOG.warnf("Outbox relay: %d of %d events not acknowledged (%s); they stay pending",
                    batch.size() - acked.size(), batch.size(), failed.values().iterator().next());
        }
        return acked.size();
    }

    /** One pending row, its payload decrypted. */
    private record Pending(long seq, UUID id, String topic, String key, String type, String payload) {
    }

    private List<Pending> pending(Connection connection) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT seq, id, topic, event_key, type, payload"
                + " FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
            query.setInt(1, config.batchSize());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Pending(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), payloads.convertToEntityAttribute(rs.getString(6))));
                }
            }
        }
        return batch;
    }

    private static void markPublished(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_event"
                + " SET published_at = clock_timestamp(), attempts = attempts + 1 WHERE seq = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, Map<Long, String> failed) throws SQLException {
        if (failed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
            for (Map.Entry<Long, String> f : failed.entrySet()) {
                update.setString(1, f.getValue());
                update.setLong(2, f.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private Message<String> toMessage(Pending event) {
        RecordHeaders headers = new RecordHeaders();
        if (event.payload() != null) {
            headers.add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        }
        headers.add("ce_id", event.id().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .withHeaders(headers)
                .build();
        return Message.of(event.payload()).addMetadata(metadata);
    }

    /** Stops relaying (tests and operators' maintenance); pending events wait in the table. */
    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
        wake();
    }
}
