package dev.rightsdesk.fanout.demo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One in-JVM demo connected system: given a task command read from its topic, it answers through
 * {@link DemoReplies}. The Kafka plumbing is in {@link DemoConnector}; an implementation holds only the
 * system's behaviour, which is what an integrator writes for a real system.
 */
public interface DemoSystem {

    /** The system's key in the systems file (its commands arrive on {@code dsr.tasks.<key>}). */
    String key();

    /**
     * Answers one command.
     *
     * @param command the CloudEvent's {@code data}: taskId, ticketId, action, attempt, subject (only the declared
     *                identifiers), corrections / ground / basis and purposes (see docs/events.md)
     */
    void handle(JsonNode command, DemoReplies replies);
}
