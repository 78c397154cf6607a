package dev.rightsdesk.officer.detail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.officer.queue.DaysLeft;
import dev.rightsdesk.officer.work.RemediationView;
import dev.rightsdesk.officer.work.TaskView;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything an officer needs about one ticket. {@code subject} and {@code details} are present only for the
 * officer and auditor roles.
 */
public record TicketView(
        UUID id,
        RequestType type,
        TicketStatus status,
        String channel,
        String locale,
        Instant receivedAt,
        Instant verifiedAt,
        String assignee,
        boolean flagged,
        DeadlineView deadline,
        @JsonInclude(JsonInclude.Include.NON_NULL) Subject subject,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode details,
        List<TimelineEntry> timeline,
        List<TaskView> tasks,
        List<RemediationView> remediations,
        List<RefusalView> refusals,
        @JsonInclude(JsonInclude.Include.NON_NULL) ResponseView response,
        @JsonInclude(JsonInclude.Include.NON_NULL) ObjectionDecisionView objectionDecision,
        List<String> allowedActions) {

    /** The statutory dates: nominal (internal target), due (rolled forward), extended, and the one in force. */
    public record DeadlineView(
            LocalDate receivedOn,
            LocalDate nominalDue,
            LocalDate due,
            boolean extended,
            LocalDate extendedNominalDue,
            LocalDate extendedDue,
            Instant extendedAt,
            String extensionReason,
            LocalDate effectiveDue,
            DaysLeft daysLeft) {
    }

    /**
     * @param verifiedIdentifiers the typed identifiers an officer marked verified (the e-mail is verified with the
     *        ticket); connected systems may look the subject up only by verified identifiers
     */
    public record Subject(String email, String name, Map<String, String> identifiers, List<String> verifiedIdentifiers) {

        /** For the ticket page. */
        public boolean verified(String type) {
            return verifiedIdentifiers.contains(type);
        }
    }

    /** One line of the timeline: a status change, a ticket event or an officer action. */
    public record TimelineEntry(
            Instant at,
            String kind,
            String name,
            String actor,
            @JsonInclude(JsonInclude.Include.NON_NULL) String summary,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long auditSeq) {
    }

    public record RefusalView(UUID id, String scope, List<String> grounds, String reasons, String complaintRights,
            String actor, Instant at) {
    }

    public record ResponseView(String response, String actor, Instant at) {
    }

    public record ObjectionDecisionView(boolean compellingGrounds, String reasons, String actor, Instant at) {
    }

    public boolean allows(String action) {
        return allowedActions.contains(action);
    }
}
