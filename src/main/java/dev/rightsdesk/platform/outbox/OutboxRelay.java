package dev.rightsdesk.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final EntityManager em;
    private final OutboxConfig config;
    private final AtomicBoolean paused = new AtomicBoolean();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, EntityManager em, OutboxConfig config) {
        this.emitter = emitter;
        this.em = em;
        this.config = config;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance (rightsdesk.outbox.relay-enabled=false)");
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = worker;
        if (t != null) {
            wake();
            try {
                t.join(config.ackTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a transaction that appended events committed: relay now rather than at the next poll. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended event) {
        wake();
    }

    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                int published;
                do {
                    published = paused.get() ? 0 : relayOnce();
                } while (running && published >= config.batchSize());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay loop: %s", e.getMessage());
            }
        }
    }

    /** Relays one batch; returns how many events were published (0 when another instance holds the lock). */
    public int relayOnce() {
        try {
            return QuarkusTransaction.requiringNew().timeout((int) config.ackTimeout().toSeconds() + 30).call(this::relayBatch);
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay round failed, will retry: %s", e.getMessage());
            return 0;
        }
    }

    private int relayBatch() {
        boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!leader) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.pending(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        // Subscribing starts the send; all are in flight at once, in seq order, before we wait for acks.
        List<CompletableFuture<Void>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            sends.add(emitter.sendMessage(toMessage(event)).subscribeAsCompletionStage());
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        List<OutboxEvent> acked = new ArrayList<>(batch.size());
        Instant now = Instant.now();
        String failure = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                event.attempts++;
                event.lastError = failure.length() > 500 ? failure.substring(0, 500) : failure;
            }
        }
        acked.forEach(e -> {
            e.publishedAt = now;
            e.attempts++;
        });
        if (failure != null) {
            LOG.warnf("Outbox relay: %d of %d events not acknowledged (%s); they stay pending",
                    batch.size() - acked.size(), batch.size(), failure);
        }
        return acked.size();
    }

    private Message<String> toMessage(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        if (event.payload != null) {
            headers.add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        }
        headers.add("ce_id", event.id.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", event.type.getBytes(StandardCharsets.UTF_8));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .withHeaders(headers)
                .build();
        return Message.of(event.payload).addMetadata(metadata);
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
