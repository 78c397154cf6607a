package dev.rightsdesk.fanout;

/**
 * Where one task stands. Final states end the task: {@link #COMPLETED}, {@link #NOT_FOUND}, {@link #PARTIAL},
 * {@link #CANCELED}, and {@link #FAILED} when not retryable ({@link Task#isFinal()} decides). {@link #ESCALATED}
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
}
