package dev.rightsdesk.fanout.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * How a demo system answers one command: each call sends one result CloudEvent
 * ({@code dev.rightsdesk.task.result.v1}) to {@code dsr.task-results}, keyed by the ticket id, with the command's
 * task id and attempt already filled in.
 */
public interface DemoReplies {

    /** An empty result {@code data} with taskId, ticketId and attempt set; add the outcome and the rest. */
    ObjectNode result(String outcome);

    /** Sends {@code data} now. */
    void send(ObjectNode data);

    /** Sends {@code data} after {@code delay} (a system that needs time, or reports progress later). */
    void sendLater(Duration delay, ObjectNode data);

    /**
     * Sends an access answer: inline when it fits the documented limit (256 KiB), otherwise as ordered chunks
     * of its JSON text that Rightsdesk joins again.
     */
    void sendAnswer(String outcome, String summary, JsonNode answer);
}
