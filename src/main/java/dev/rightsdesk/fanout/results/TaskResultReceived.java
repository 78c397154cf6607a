package dev.rightsdesk.fanout.results;

import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.ticket.Ticket;

/**
 * Fired synchronously, inside the transaction that applies a result, for every first delivery of a well-formed
 * result on a task of an open ticket: after the task was updated and before the ticket's completion is checked.
 * The AI-rights feature observes it to open model remediations and read {@link TaskResult#remediations()}.
 * An observer must not throw for bad content of its own part (flag the ticket instead): a throw rolls the whole
 * result back and sends it to the dead-letter topic.
 *
 * @param changedTask false when the task was already final and only {@code remediations} were reported
 */
public record TaskResultReceived(Task task, Ticket ticket, TaskResult result, boolean changedTask) {
}
