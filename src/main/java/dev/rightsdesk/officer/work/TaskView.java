package dev.rightsdesk.officer.work;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One task of a ticket as the officer sees it: the connected system, its state, how often it was tried, the
 * last error and a summary of the answer (no personal data in the summary beyond what the officer needs).
 *
 * @param evidence the system's proof of what it did (counts per collection, statement shapes), or null
 */
public record TaskView(
        UUID id,
        String system,
        String state,
        int attempts,
        String lastError,
        String answerSummary,
        Instant updatedAt,
        boolean open,
        JsonNode evidence) {

    /** The evidence as indented JSON for the ticket page, or null. */
    public String evidenceText() {
        return evidence == null ? null : evidence.toPrettyString();
    }
}
