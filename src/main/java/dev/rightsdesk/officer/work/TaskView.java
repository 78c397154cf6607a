package dev.rightsdesk.officer.work;

import java.time.Instant;
import java.util.UUID;

/**
 * One task of a ticket as the officer sees it: the connected system, its state, how often it was tried, the
 * last error and a summary of the answer (no personal data in the summary beyond what the officer needs).
 */
public record TaskView(
        UUID id,
        String system,
        String state,
        int attempts,
        String lastError,
        String answerSummary,
        Instant updatedAt,
        boolean open) {
}
