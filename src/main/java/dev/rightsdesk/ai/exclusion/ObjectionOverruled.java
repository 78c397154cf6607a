package dev.rightsdesk.ai.exclusion;

import java.util.UUID;

/**
 * Fired synchronously, inside the deciding transaction, when an officer records compelling legitimate
 * grounds against an Art. 21(1) objection: the processing may continue, so no model remediation is owed.
 */
public record ObjectionOverruled(UUID ticketId, String actor) {
}
