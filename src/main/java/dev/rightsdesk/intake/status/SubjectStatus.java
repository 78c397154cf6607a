package dev.rightsdesk.intake.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rightsdesk.ai.exclusion.ObjectionDecision;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import dev.rightsdesk.ticket.TicketStatusChange;
import dev.rightsdesk.ticket.decision.RefusalScope;
import dev.rightsdesk.ticket.decision.TicketRefusal;
import dev.rightsdesk.ticket.decision.TicketResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Where a request stands, as the subject may see it through the status link: the dates, and the reasons of
 * an extension or refusal (Art. 12(3)/(4)). The reasons are officer-written text and may hold personal data,
 * so this view is only built for a holder of the status token, never for a bare ticket id.
 *
 * @param stage            the plain-language stage the page and mails talk about
 * @param dueDate          the date in force: the original due date, or the extended one
 * @param originalDueDate  the due date before any extension
 * @param extensionReason  why more time is needed (only when extended)
 * @param refusalReasons   why the request is refused (only when refused in whole)
 * @param partialRefusalReasons why part of the request is refused (a partial refusal; the rest is carried out)
 * @param response         the officer's answer when closing the request
 * @param objectionDecision the decision on an Art. 21(1) objection, once taken
 * @param closedOn         the date it was completed, refused or expired
 * @param packageAvailable whether an access package can be downloaded (after a fresh code)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectStatus(
        UUID id,
        RequestType type,
        TicketStatus status,
        Stage stage,
        LocalDate receivedOn,
        LocalDate dueDate,
        LocalDate originalDueDate,
        boolean extended,
        String extensionReason,
        String refusalReasons,
        String partialRefusalReasons,
        String response,
        ObjectionOutcome objectionDecision,
        LocalDate closedOn,
        boolean packageAvailable) {

    /** The balancing of an Art. 21(1) objection: whether compelling grounds override it, and why. */
    public record ObjectionOutcome(boolean compellingGrounds, String reasons) {
    }

    /** What the subject is told, in words a non-lawyer understands. */
    public enum Stage {
        /** Waiting for the e-mail code. */
        CONFIRM_EMAIL,
        /** Confirmed; someone is checking the request. */
        CHECKING,
        /** The systems and teams that hold the data are acting on it. */
        WORKING,
        /** Done; the answer is being written (access: the package can be downloaded). */
        ANSWER_READY,
        /** Finished. */
        COMPLETED,
        /** Refused (with reasons and the complaint rights). */
        REFUSED,
        /** Never confirmed; closed and its personal data deleted. */
        EXPIRED
    }

    public static Stage stageOf(TicketStatus status) {
        return switch (status) {
            case IDENTITY_UNVERIFIED -> Stage.CONFIRM_EMAIL;
            case PENDING_REVIEW -> Stage.CHECKING;
            case IN_PROGRESS, AWAITING_SYSTEMS -> Stage.WORKING;
            case READY_FOR_RESPONSE -> Stage.ANSWER_READY;
            case COMPLETED -> Stage.COMPLETED;
            case REFUSED -> Stage.REFUSED;
            case EXPIRED -> Stage.EXPIRED;
        };
    }

    /** Whether the access package may be handed out for this ticket (R-access: answered). */
    public static boolean packageAvailable(Ticket t) {
        return t.type == RequestType.ACCESS
                && (t.status == TicketStatus.READY_FOR_RESPONSE || t.status == TicketStatus.COMPLETED);
    }

    /**
     * Builds the view from the ticket, its status history and the officer's records (refusals with their scope,
     * the closing answer, an objection decision); call it inside a transaction.
     */
    public static SubjectStatus of(Ticket t) {
        String refusal = null;
        String partial = null;
        for (TicketRefusal r : TicketRefusal.ofTicket(t.id)) {
            if (r.scope == RefusalScope.WHOLE) {
                refusal = r.reasons;
            } else {
                partial = r.reasons;
            }
        }
        String response = TicketResponse.<TicketResponse>findByIdOptional(t.id).map(r -> r.response).orElse(null);
        ObjectionOutcome decision = ObjectionDecision.forTicket(t.id)
                .map(d -> new ObjectionOutcome(d.compellingGrounds, d.reasons)).orElse(null);
        LocalDate closedOn = null;
        if (t.status.isClosed()) {
            List<TicketStatusChange> history = TicketStatusChange.history(t.id);
            for (int i = history.size() - 1; i >= 0; i--) {
                TicketStatusChange change = history.get(i);
                if (change.toStatus == t.status) {
                    closedOn = dateOf(change.at, t.zone);
                    if (t.status == TicketStatus.REFUSED && refusal == null) {
                        refusal = change.reason;
                    }
                    break;
                }
            }
        }
        return new SubjectStatus(t.id, t.type, t.status, stageOf(t.status), t.receivedOn, t.effectiveDue, t.dueDate,
                t.extended, t.extended ? t.extensionReason : null, refusal, partial, response, decision, closedOn,
                packageAvailable(t));
    }

    private static LocalDate dateOf(Instant at, String zone) {
        try {
            return at.atZone(ZoneId.of(zone)).toLocalDate();
        } catch (RuntimeException e) {
            return at.atZone(ZoneId.of("UTC")).toLocalDate();
        }
    }
}
