package dev.rightsdesk.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rightsdesk.intake.SubjectConfig;
import dev.rightsdesk.intake.status.SubjectStatus;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the subject may see of a request: no identity, no details. The {@code explanation} (reasons of an
 * extension or refusal, the complaint rights) is added only for the holder of the status token.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestStatusView(
        UUID id,
        RequestType type,
        TicketStatus status,
        SubjectStatus.Stage stage,
        boolean verified,
        Instant receivedAt,
        LocalDate dueDate,
        boolean extended,
        LocalDate nominalDueDate,
        String statusUrl,
        Explanation explanation) {

    /** The reasons the subject is owed (Art. 12(3)/(4)), and where to complain. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Explanation(
            LocalDate originalDueDate,
            String extensionReason,
            String refusalReasons,
            String partialRefusalReasons,
            String response,
            SubjectStatus.ObjectionOutcome objectionDecision,
            LocalDate closedOn,
            boolean packageAvailable,
            Complaint complaint) {
    }

    /** Art. 77 and 79: the supervisory authority, and the courts. */
    public record Complaint(String supervisoryAuthority, URI supervisoryAuthorityUrl, boolean judicialRemedy) {
    }

    public static RequestStatusView of(Ticket t) {
        return new RequestStatusView(t.id, t.type, t.status, SubjectStatus.stageOf(t.status), t.isVerified(),
                t.receivedAt, t.effectiveDue, t.extended, t.nominalDue, IntakeResource.PATH + "/" + t.id, null);
    }

    /** The full view for the holder of the status token; {@code s} built in a transaction. */
    public static RequestStatusView of(Ticket t, SubjectStatus s, SubjectConfig config) {
        RequestStatusView base = of(t);
        return new RequestStatusView(base.id, base.type, base.status, base.stage, base.verified, base.receivedAt,
                base.dueDate, base.extended, base.nominalDueDate, base.statusUrl,
                new Explanation(s.originalDueDate(), s.extensionReason(), s.refusalReasons(),
                        s.partialRefusalReasons(), s.response(), s.objectionDecision(), s.closedOn(),
                        s.packageAvailable(), new Complaint(config.supervisoryAuthorityName(),
                                config.supervisoryAuthorityUrl(), true)));
    }
}
