package dev.rightsdesk.fanout.results;

import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskModelVersion;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.system.SystemKind;
import java.time.Instant;

/**
 * A model registry answers a task twice: first with the model versions trained on the subject's data, later with
 * the remediation of each. If the first answer is lost (or overtaken), the remediation report must not complete
 * the task: the ticket would move on with no model version and no remediation recorded (issue 13 finding 12).
 * Such a report leaves the task open and asks the registry again at the next retry round (same task id, next
 * attempt); the versions answer, whenever it comes, completes the task as usual. Attempts are bounded by
 * {@code rightsdesk.fanout.max-attempts}, then an officer takes over.
 */
final class RegistryAnswerOrder {

    static final String ASKED_AGAIN = "a remediation report came before the model versions it remediates;"
            + " the registry is asked again for them";

    private RegistryAnswerOrder() {
    }

    /** True for a registry's final-looking answer that reports remediations of versions this task never received. */
    static boolean versionsMissing(Task task, TaskResult r) {
        return task.systemKind == SystemKind.MODEL_REGISTRY
                && r.outcome() != Outcome.ACKNOWLEDGED && r.outcome() != Outcome.FAILED
                && r.remediations() != null && !r.remediations().isEmpty()
                && r.modelVersions().isEmpty()
                && TaskModelVersion.count("taskId", task.id) == 0;
    }

    /** Keeps the task open and due for a re-send now (the retry job sends it with the next attempt). */
    static void askAgain(Task task, Instant now) {
        if (task.state != TaskState.FAILED) {
            task.moveTo(TaskState.FAILED, now);
        }
        task.retryable = true;
        task.lastError = ASKED_AGAIN;
        task.nextAttemptAt = now;
    }
}
