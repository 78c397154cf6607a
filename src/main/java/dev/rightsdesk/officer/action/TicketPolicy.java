package dev.rightsdesk.officer.action;

import dev.rightsdesk.deadline.ExtensionRefused;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.officer.TicketDeadline;
import dev.rightsdesk.officer.decision.BalancingGate;
import dev.rightsdesk.officer.work.ModelRemediations;
import dev.rightsdesk.officer.work.TicketTasks;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * "What may this officer do with this ticket now", answered once: {@link OfficerActions} enforces it
 * ({@link #require}) and the ticket view shows it ({@link #allowed}), so the screen offers exactly what the API
 * accepts. The invariants behind it (approved once, closed before the systems were asked only by hand with a
 * reason) are kept again by {@code TicketService}, which no caller can skip.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TicketPolicy {

    /** The officer's actions on a ticket, by the slug the API and the screens use ({@code allowedActions}). */
    public enum Action {
        NOTES("notes"),
        VERIFICATION("verification"),
        APPROVAL("approval"),
        REFUSAL("refusal"),
        ASSIGNMENT("assignment"),
        EXTENSION("extension"),
        /** Close with the answer once the systems were asked (or nothing was left to ask). */
        CLOSURE("closure"),
        /** Close with the answer before any system was asked: answered by hand, a reason is required. */
        CLOSURE_BY_HAND("closure-by-hand");

        private final String slug;

        Action(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final StatutoryClock clock;
    private final TicketTasks tasks;
    private final ModelRemediations remediations;
    private final BalancingGate balancing;

    public TicketPolicy(StatutoryClock clock, TicketTasks tasks, ModelRemediations remediations,
            BalancingGate balancing) {
        this.clock = clock;
        this.tasks = tasks;
        this.remediations = remediations;
        this.balancing = balancing;
    }

    /** The slugs of the actions allowed on {@code t} now, in a stable order. */
    public List<String> allowed(Ticket t) {
        List<String> allowed = new ArrayList<>();
        for (Action a : Action.values()) {
            if (refusal(t, a) == null) {
                allowed.add(a.slug());
            }
        }
        return allowed;
    }

    /** Refuses {@code action} on {@code t} with the problem the API answers, unless it is allowed now. */
    public void require(Ticket t, Action action) {
        ProblemException refused = refusal(t, action);
        if (refused != null) {
            throw refused;
        }
    }

    /** Why {@code action} is refused on {@code t} now, as the API's problem; null when it is allowed. */
    ProblemException refusal(Ticket t, Action action) {
        if (action == Action.NOTES) {
            return null;
        }
        if (t.status.isClosed()) {
            return ProblemException.conflict("ticket-closed", "The ticket is closed",
                    "A ticket in status " + t.status + " takes no more actions");
        }
        return switch (action) {
            case VERIFICATION -> t.isVerified() ? ProblemException.conflict("already-verified",
                    "Identity already verified", "The subject's identity was verified before; nothing to do") : null;
            case APPROVAL -> !t.isVerified() ? notVerified("approved")
                    : t.status != TicketStatus.PENDING_REVIEW ? ProblemException.conflict("not-pending-review",
                            "Not waiting for review",
                            "Only a ticket waiting for review can be approved; this one is " + t.status)
                    : null;
            case EXTENSION -> {
                ExtensionRefused e = clock.extensionRefusal(TicketDeadline.of(t), TicketDeadline.today(t));
                yield e == null ? null : OfficerActions.refused(e);
            }
            case CLOSURE -> t.status == TicketStatus.PENDING_REVIEW ? ProblemException.conflict("systems-not-asked",
                    "The connected systems were not asked",
                    "A ticket waiting for review is approved first, refused, or answered by hand with a reason")
                    : closable(t);
            case CLOSURE_BY_HAND -> t.status != TicketStatus.PENDING_REVIEW ? ProblemException.conflict(
                    "not-pending-review", "Not waiting for review",
                    "Only a ticket whose systems were never asked is answered by hand; close it with the answer")
                    : closable(t);
            default -> null;
        };
    }

    private ProblemException closable(Ticket t) {
        if (!t.isVerified()) {
            return notVerified("answered");
        }
        if (tasks.anyOpen(t.id)) {
            return ProblemException.conflict("open-tasks", "Tasks are still open",
                    "Every connected system must answer (or its task be completed by hand) before the ticket is closed");
        }
        if (remediations.anyOpen(t.id)) {
            return ProblemException.conflict("open-remediations", "Model remediations are still open",
                    "Every model remediation must have its outcome recorded before the ticket is closed");
        }
        if (balancing.owed(t)) {
            return ProblemException.conflict("objection-undecided", "The objection awaits your decision",
                    "An objection on legitimate interest (Art. 21(1)) is answered only after the balancing decision"
                            + " is recorded: upheld, or overruled with compelling legitimate grounds");
        }
        return null;
    }

    private static ProblemException notVerified(String what) {
        return ProblemException.conflict("not-verified", "Identity not verified",
                "A ticket is " + what + " only after the subject's identity is verified; refuse it instead");
    }
}
