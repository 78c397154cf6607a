package dev.rightsdesk.fanout.results;

import java.util.UUID;

/**
 * A record on {@code dsr.task-results} that is not a valid result. Thrown from the consumer, it sends the record
 * to {@code dsr.task-results.dlq} with this message as the {@code dead-letter-reason} header. The message names
 * fields and rules, never values; there is deliberately no cause (its message could quote the record).
 */
public class MalformedResultException extends RuntimeException {

    private final transient UUID taskId;

    public MalformedResultException(String message, UUID taskId) {
        super(message, null, false, false);
        this.taskId = taskId;
    }

    /** The task the record names, when that much could be read; null otherwise. */
    public UUID taskId() {
        return taskId;
    }
}
