package dev.rightsdesk.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The product's event metrics, for every feature to call: task round trips, retries, escalations and
 * dead-lettered records. Tags are system keys, topics and kinds, never ids or personal data (bounded cardinality).
 * Prometheus names: {@code rightsdesk_task_round_trip_seconds}, {@code rightsdesk_task_retries_total},
 * {@code rightsdesk_escalations_total}, {@code rightsdesk_dlq_records_total}.
 */
@ApplicationScoped
public class Metrics {

    private final MeterRegistry registry;

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A connected system gave a final answer: time from the first command sent to the answer. */
    public void taskRoundTrip(String system, Duration roundTrip) {
        Timer.builder("rightsdesk.task.round.trip")
                .description("Time from a task's first command to the connected system's final answer")
                .tag("system", system)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(30))
                .register(registry)
                .record(roundTrip);
    }

    /** A task command was re-sent because its system did not answer in time. */
    public void taskRetried(String system) {
        Counter.builder("rightsdesk.task.retries").description("Task commands re-sent after a system stayed silent")
                .tag("system", system).register(registry).increment();
    }

    /**
     * Something was escalated to officers.
     *
     * @param kind what: {@code task} (a system exhausted its retries), {@code deadline} (a ticket cannot finish in
     *     time), {@code remediation}, ...
     */
    public void escalated(String kind) {
        Counter.builder("rightsdesk.escalations").description("Escalations raised to privacy officers")
                .tag("kind", kind).register(registry).increment();
    }

    /** A record was written to a dead-letter topic. */
    public void deadLettered(String topic) {
        Counter.builder("rightsdesk.dlq.records").description("Records dead-lettered, by dead-letter topic")
                .tag("topic", topic).register(registry).increment();
    }
}
