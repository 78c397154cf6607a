package dev.rightsdesk.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rightsdesk.platform.error.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A task moves only along TaskState's table, through Task.moveTo; anything else is the 409 the API answers. */
class TaskTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aNewTaskStartsPendingAndMovesAlongTheTable() {
        Task task = new Task();
        assertThatThrownBy(() -> task.moveTo(TaskState.SENT, NOW)).isInstanceOf(ProblemException.class);

        task.moveTo(TaskState.PENDING, NOW);
        task.moveTo(TaskState.SENT, NOW);
        task.moveTo(TaskState.ACKNOWLEDGED, NOW);
        task.moveTo(TaskState.COMPLETED, NOW);

        assertThat(task.state).isEqualTo(TaskState.COMPLETED);
        assertThat(task.updatedAt).isEqualTo(NOW);
        assertThat(task.isFinal()).isTrue();
    }

    @Test
    void anAnsweredTaskCanOnlyBeSentAgainAndACanceledOneNotAtAll() {
        Task task = new Task();
        task.moveTo(TaskState.PENDING, NOW);
        task.moveTo(TaskState.NOT_FOUND, NOW);

        assertThatThrownBy(() -> task.moveTo(TaskState.ACKNOWLEDGED, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.type()).isEqualTo("illegal-task-transition");
                });
        task.moveTo(TaskState.SENT, NOW);
        task.moveTo(TaskState.CANCELED, NOW);
        for (TaskState next : TaskState.values()) {
            assertThatThrownBy(() -> task.moveTo(next, NOW)).as("CANCELED -> " + next).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void failedIsFinalOnlyWhenNotRetryable() {
        assertThat(TaskState.FAILED.isFinal(true)).isFalse();
        assertThat(TaskState.FAILED.isFinal(false)).isTrue();
        assertThat(TaskState.ESCALATED.isFinal(false)).as("an officer must act").isFalse();
        assertThat(TaskState.alwaysFinal()).allSatisfy(s -> assertThat(s.isFinal(true)).isTrue());
    }
}
