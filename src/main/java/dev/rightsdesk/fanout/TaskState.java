package dev.rightsdesk.fanout;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one task stands. Final states end the task: {@link #COMPLETED}, {@link #NOT_FOUND}, {@link #PARTIAL},
 * {@link #CANCELED}, and {@link #FAILED} when not retryable ({@link #isFinal} decides). {@link #ESCALATED}
 * is not final: the system went silent, an officer must act (re-send, or mark it done by hand).
 */
public enum TaskState {
    /** Created, no command sent: a manual system (no connector) waits for an officer. */
    PENDING,
    /** Command written to the outbox for the system's topic; waiting for an answer. */
    SENT,
    /** The system said it is working on it. */
    ACKNOWLEDGED,
    /** The system acted on every record of the subject. */
    COMPLETED,
    /** The system holds no data of the subject. */
    NOT_FOUND,
    /** The system acted on part of the data; the reason says why not on the rest (e.g. a legal hold). */
    PARTIAL,
    /** The system could not act: retried later when retryable, otherwise final. */
    FAILED,
    /** No final answer after the last attempt; the ticket is flagged for an officer. */
    ESCALATED,
    /** Withdrawn from the ticket by an officer (recorded with a reason). */
    CANCELED;

    /** States a system (or an officer by hand) can report that end the task (FAILED only when not retryable). */
    public boolean isOutcome() {
        return this == COMPLETED || this == NOT_FOUND || this == PARTIAL || this == FAILED;
    }

    /** The one definition of "final": nothing more happens on its own; FAILED only when not retryable. */
    public boolean isFinal(boolean retryable) {
        return ALWAYS_FINAL.contains(this) || (this == FAILED && !retryable);
    }

    /** The states that are final whatever the retry flag (the query form of {@link #isFinal}, with FAILED). */
    public static Set<TaskState> alwaysFinal() {
        return ALWAYS_FINAL;
    }

    /** The states the retry job watches: waiting for an answer, an officer's outcome, or a retry. */
    public static Set<TaskState> waiting() {
        return WAITING;
    }

    /** Whether a task in this state may move to {@code next}; {@link Task#moveTo} is the one place that asks. */
    public boolean canMoveTo(TaskState next) {
        return NEXT.get(this).contains(next);
    }

    /** The moves, for the diagram test. */
    public static Map<TaskState, Set<TaskState>> transitions() {
        return NEXT;
    }

    private static final Set<TaskState> ALWAYS_FINAL = Collections.unmodifiableSet(
            EnumSet.of(COMPLETED, NOT_FOUND, PARTIAL, CANCELED));
    private static final Set<TaskState> WAITING = Collections.unmodifiableSet(
            EnumSet.of(PENDING, SENT, ACKNOWLEDGED, FAILED));
    /** Every state a task still owed an answer can reach: a command (again), an answer, a retry, the officer. */
    private static final Set<TaskState> FROM_OPEN = EnumSet.of(SENT, ACKNOWLEDGED, COMPLETED, NOT_FOUND, PARTIAL,
            FAILED, ESCALATED, CANCELED);
    // The one table of task moves. Answered tasks can only be sent again (an officer's re-send); a canceled one
    // nothing. ESCALATED keeps its state on an acknowledgement, so it does not move to ACKNOWLEDGED.
    private static final Map<TaskState, Set<TaskState>> NEXT = Map.of(
            PENDING, FROM_OPEN,
            SENT, FROM_OPEN,
            ACKNOWLEDGED, FROM_OPEN,
            FAILED, FROM_OPEN,
            ESCALATED, EnumSet.of(SENT, COMPLETED, NOT_FOUND, PARTIAL, FAILED, CANCELED),
            COMPLETED, EnumSet.of(SENT),
            NOT_FOUND, EnumSet.of(SENT),
            PARTIAL, EnumSet.of(SENT),
            CANCELED, EnumSet.noneOf(TaskState.class));
}
