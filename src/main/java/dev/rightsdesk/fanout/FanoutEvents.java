package dev.rightsdesk.fanout;

import dev.rightsdesk.ticket.TicketEvents;

/**
 * Names of the ticket events the fan-out emits on {@code dsr.ticket-events} (CloudEvent type
 * {@code dev.rightsdesk.ticket.<name>.v1}). Their detail names systems, task ids, states and counts:
 * never the subject's data or a system's free text.
 */
public final class FanoutEvents {

    /** The ticket moved to AWAITING_SYSTEMS: one command per task written. */
    public static final String FANNED_OUT = TicketEvents.FANNED_OUT;
    /** A system's result changed a task (acknowledged, answered, failed). */
    public static final String TASK_ANSWERED = "task-answered";
    /** A silent or failing system was sent its command again. */
    public static final String TASK_RESENT = "task-resent";
    /** No final answer after the last attempt: an officer must act. */
    public static final String TASK_ESCALATED = "task-escalated";
    /** An officer added a system to a ticket in flight. */
    public static final String TASK_ADDED = "task-added";
    /** An officer withdrew a task. */
    public static final String TASK_CANCELED = "task-canceled";
    /** An officer recorded a task's outcome by hand (a system without connector). */
    public static final String TASK_COMPLETED_BY_HAND = "task-completed-by-hand";
    /** A malformed result named one of the ticket's tasks; it went to the dead-letter topic. */
    public static final String TASK_RESULT_REJECTED = "task-result-rejected";
    /** The statutory due date is near and work is still open. */
    public static final String DEADLINE_WARNING = "deadline-warning";

    private FanoutEvents() {
    }
}
