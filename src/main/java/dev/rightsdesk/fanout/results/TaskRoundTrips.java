package dev.rightsdesk.fanout.results;

import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.results.TaskResultReceived;
import dev.rightsdesk.platform.observability.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;

/**
 * Records {@code rightsdesk_task_round_trip_seconds{system}} when a result makes a task final, once the result's
 * transaction committed (a result that is rolled back and dead-lettered is not counted): from the task's creation,
 * when its first command was written, to its completion, re-sends included.
 */
@ApplicationScoped
public class TaskRoundTrips {

    private final Metrics metrics;

    public TaskRoundTrips(Metrics metrics) {
        this.metrics = metrics;
    }

    void onResult(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskResultReceived received) {
        Task task = received.task();
        if (!received.changedTask() || !task.isFinal() || task.createdAt == null) {
            return;
        }
        Instant done = task.completedAt != null ? task.completedAt : Instant.now();
        Duration roundTrip = Duration.between(task.createdAt, done);
        metrics.taskRoundTrip(task.systemKey, roundTrip.isNegative() ? Duration.ZERO : roundTrip);
    }
}
