package dev.rightsdesk.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.ticket.Ticket;
import java.time.Instant;
import java.util.List;

/**
 * Where the access package gets, per connected system, the Art. 15 facts (from the registry of connected
 * systems) and the copy of the subject's data (from that system's answer to the access task). Called inside a
 * transaction.
 */
public interface AccessPackageSource {

    /**
     * One system's part of the package; {@code data} is null when the system holds nothing on the subject;
     * {@code evidence} is the system's proof of what it looked at and found (counts, no data), or null.
     */
    record SystemAnswer(SystemFacts system, String outcome, Instant answeredAt, JsonNode data, JsonNode evidence) {
    }

    /**
     * What Art. 15(1)(a)-(h) and 15(2) require about one system's processing, in the registry's words.
     *
     * @param automatedDecisionMaking whether decisions are automated (Art. 22), with meaningful information on the
     *                                logic, significance and consequences; "none" when there is none
     * @param transferSafeguards      transfers outside the EEA and their safeguards (Art. 15(2), 46); "none" when none
     */
    record SystemFacts(String key, String name, String kind, List<String> purposes, List<String> categories,
            List<String> recipients, String retention, String source, String automatedDecisionMaking,
            String transferSafeguards) {
    }

    /** Every connected system that took part in the ticket, in a stable order. */
    List<SystemAnswer> answers(Ticket ticket);
}
