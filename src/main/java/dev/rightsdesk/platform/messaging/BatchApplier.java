package dev.rightsdesk.platform.messaging;

import dev.rightsdesk.platform.error.DatabaseUnavailable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Applies the valid records of one Kafka poll (a {@code KafkaRecordBatch}) to the database and settles each
 * record on its own, so that a consumer gets batching without giving up per-record dead-lettering:
 * <ul>
 * <li>all records in one transaction, in offset order: one durable commit instead of one per record, which is
 * what lets a burst of events (a fan-out of many tickets) drain quickly; each effect is still deduplicated by the
 * caller (inbox by event id);</li>
 * <li>if that transaction fails for a reason other than an outage, each record in its own transaction, tried a
 * few times, so one bad record cannot hold the others back; a record that still fails is nacked, and the
 * channel's dead-letter strategy takes it with the reason in its headers;</li>
 * <li>while the database is unreachable nothing is given up: the work waits, with pauses growing to 10 s, until
 * the database is back; the connector stops fetching meanwhile and commits the offsets only after the acks.</li>
 * <li>on a stop ({@link #stop(Duration)}, before the ORM closes) the batch being applied is finished, and every
 * record from then on, or one that fails while stopping, is left unsettled: its offset is not committed and it is
 * applied after the restart (each effect once: the inbox). A stop never dead-letters a valid record.</li>
 * </ul>
 */
@ApplicationScoped
public class BatchApplier {

    /** How often a record that fails on its own (not for an outage) is tried before it is dead-lettered. */
    public static final int APPLY_ATTEMPTS = 3;
    private static final long MAX_OUTAGE_PAUSE_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(BatchApplier.class);

    private final EntityManager em;
    private final AtomicInteger applying = new AtomicInteger();
    private volatile boolean stopping;

    public BatchApplier(EntityManager em) {
        this.em = em;
    }

    /**
     * From now on nothing is applied; waits at most {@code grace} for the batches being applied to finish.
     *
     * @return true when none is being applied any more
     */
    public boolean stop(Duration grace) {
        stopping = true;
        long end = System.nanoTime() + grace.toNanos();
        while (applying.get() > 0 && System.nanoTime() < end) {
            sleep(20);
        }
        return applying.get() == 0;
    }

    /** True once the application stops: a consumer leaves its records unsettled rather than settle them. */
    public boolean stopping() {
        return stopping;
    }

    /** A record left unsettled: not acknowledged, not dead-lettered; its offset stays uncommitted. */
    public static CompletionStage<Void> leave() {
        return CompletableFuture.completedFuture(null);
    }

    /** A record of the batch and what was read from it. */
    public record Item<T>(KafkaRecord<?, ?> record, T value) {

        /** {@code topic-partition@offset}: names the record in logs without its content. */
        public String at() {
            return position(record);
        }
    }

    /** {@code topic-partition@offset} of a record. */
    public static String position(KafkaRecord<?, ?> record) {
        return record.getTopic() + "-" + record.getPartition() + "@" + record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> String.valueOf(m.getOffset())).orElse("?");
    }

    /**
     * Applies {@code apply} to every item and returns the acks and nacks of their records.
     *
     * @param apply runs inside a transaction; it may throw to refuse an item
     */
    public <T> List<CompletionStage<Void>> apply(List<Item<T>> items, Consumer<T> apply) {
        // counted before the check, so stop() either waits for this batch or this batch sees stopping
        applying.incrementAndGet();
        try {
            List<CompletionStage<Void>> settled = new ArrayList<>(items.size());
            if (stopping) {
                items.forEach(i -> settled.add(leave()));
            } else if (items.size() > 1 && together(items, apply)) {
                items.forEach(i -> settled.add(i.record().ack()));
            } else if (stopping) {
                items.forEach(i -> settled.add(leave()));
            } else {
                items.forEach(i -> settled.add(alone(i, apply)));
            }
            return settled;
        } finally {
            applying.decrementAndGet();
        }
    }

    /** One transaction for all; false when it failed for a reason other than an outage. */
    private <T> boolean together(List<Item<T>> items, Consumer<T> apply) {
        for (int outage = 1; ; outage++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (Item<T> item : items) {
                        if (stopping) {
                            // roll back rather than hold the stop up: the whole batch is read again after the restart
                            throw new IllegalStateException("stopping");
                        }
                        apply.accept(item.value());
                        // The next item may re-read (refresh) an entity this one changed: write the change out
                        // first, then let go of the entities, so that each flush checks one item's entities and
                        // not every entity the batch has touched so far.
                        em.flush();
                        em.clear();
                    }
                });
                return true;
            } catch (RuntimeException e) {
                if (stopping) {
                    return false; // the caller leaves the records unsettled
                }
                if (!DatabaseUnavailable.isCause(e)) {
                    LOG.warnf("A batch of %d records from %s was not applied together (%s); applying them one by one",
                            items.size(), items.get(0).record().getTopic(), e.getClass().getSimpleName());
                    return false;
                }
                waitOutOutage(outage, items.size(), e);
            }
        }
    }

    /** Its own transaction, a few attempts; an outage is waited out rather than counted as an attempt. */
    private <T> CompletionStage<Void> alone(Item<T> item, Consumer<T> apply) {
        if (stopping) {
            return leave(); // the rest of a batch met by a stop: read again after the restart
        }
        int attempt = 1;
        for (int outage = 1; ; ) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply.accept(item.value()));
                return item.record().ack();
            } catch (RuntimeException e) {
                if (stopping) {
                    // Whatever failed while the application stops (a closed pool, an outage): read again after the restart.
                    return leave();
                }
                if (DatabaseUnavailable.isCause(e)) {
                    waitOutOutage(outage++, 1, e);
                    continue;
                }
                if (attempt >= APPLY_ATTEMPTS) {
                    LOG.errorf(e, "Record %s could not be applied; it goes to the dead-letter topic", item.at());
                    // No cause attached: the dead-letter headers must not quote database messages.
                    return item.record().nack(new IllegalStateException("could not be applied after " + attempt
                            + " attempts (" + e.getClass().getSimpleName() + ")"));
                }
                LOG.warnf("Record %s not applied (%s), trying again", item.at(), e.getClass().getSimpleName());
                sleep(100L * attempt);
                attempt++;
            }
        }
    }

    private void waitOutOutage(int outage, int records, RuntimeException e) {
        long pause = Math.min(MAX_OUTAGE_PAUSE_MS, 250L << Math.min(outage - 1, 6));
        LOG.warnf("Database unavailable (%s): %d records wait, next try in %d ms", e.getClass().getSimpleName(), records, pause);
        sleep(pause);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            stopping = true; // the worker is being shut down: stop waiting, the records stay uncommitted
        }
    }
}
