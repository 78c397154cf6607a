package dev.rightsdesk.ticket;

import dev.rightsdesk.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns every change of a ticket's status: checks the move against the state machine, records the
 * history entry and announces the event, all in the caller's transaction.
 */
@ApplicationScoped
@Transactional
public class TicketService {

    public static final String SYSTEM = "system";
    public static final String SUBJECT = "subject";

    private final TicketEvents events;
    private final TicketConfig.Intake intake;
    private final TicketConfig.Review review;
    private final Event<TicketApproved> approved;
    private final Event<TicketVerified> verified;

    public TicketService(TicketEvents events, TicketConfig.Intake intake, TicketConfig.Review review,
            Event<TicketApproved> approved, Event<TicketVerified> verified) {
        this.events = events;
        this.intake = intake;
        this.review = review;
        this.approved = approved;
        this.verified = verified;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Ticket> find(UUID id) {
        return Ticket.findByIdOptional(id);
    }

    public Ticket get(UUID id) {
        return Ticket.<Ticket>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Ticket"));
    }

    /** Persists a new ticket, records its first status and announces it; verifies it at once if so configured. */
    public Ticket open(Ticket ticket, String actor) {
        Instant now = Instant.now();
        ticket.status = TicketStatus.IDENTITY_UNVERIFIED;
        ticket.createdAt = now;
        ticket.updatedAt = now;
        ticket.persist();
        history(ticket, null, TicketStatus.IDENTITY_UNVERIFIED, actor, null, now);
        events.announce(ticket, TicketEvents.RECEIVED);
        if (!intake.verificationRequired()) {
            verify(ticket, SYSTEM, "identity verified upstream by the controller");
        }
        return ticket;
    }

    /** The subject (or an officer) confirmed the identity: to review, or straight to fan-out. */
    public void verify(Ticket ticket, String actor, String reason) {
        if (ticket.isVerified()) {
            return;
        }
        ticket.verifiedAt = Instant.now();
        if (review.approvalRequired()) {
            move(ticket, TicketStatus.PENDING_REVIEW, actor, reason, TicketEvents.VERIFIED, null);
            verified.fire(new TicketVerified(ticket, actor));
        } else {
            events.announce(ticket, TicketEvents.VERIFIED, ticket.status, null);
            // before approval, so that an exclusion is in force before any system is asked
            verified.fire(new TicketVerified(ticket, actor));
            approve(ticket, actor, "approval not required by configuration");
        }
    }

    /** Starts the work: moves to IN_PROGRESS and lets the fan-out carry the ticket to the systems. */
    public void approve(Ticket ticket, String actor, String reason) {
        if (!ticket.isVerified()) {
            throw ProblemException.conflict("not-verified", "Identity not verified",
                    "A ticket can be approved only after the subject's identity is verified");
        }
        move(ticket, TicketStatus.IN_PROGRESS, actor, reason, TicketEvents.APPROVED, null);
        approved.fire(new TicketApproved(ticket, actor));
    }

    /**
     * Moves the ticket to {@code to}, or refuses with 409 when the state machine does not allow it.
     *
     * @param eventName the ticket event announced ({@link TicketEvents}); {@code status-changed} if null
     */
    public void move(Ticket ticket, TicketStatus to, String actor, String reason, String eventName,
            Map<String, Object> detail) {
        TicketStatus from = ticket.status;
        if (!from.canMoveTo(to)) {
            throw ProblemException.conflict("illegal-transition", "Action not allowed in this status",
                    "A ticket in status " + from + " cannot move to " + to);
        }
        Instant now = Instant.now();
        ticket.status = to;
        ticket.updatedAt = now;
        history(ticket, from, to, actor, reason, now);
        events.announce(ticket, eventName == null ? TicketEvents.STATUS_CHANGED : eventName, from, detail);
    }

    private void history(Ticket ticket, TicketStatus from, TicketStatus to, String actor, String reason, Instant at) {
        TicketStatusChange change = new TicketStatusChange();
        change.ticketId = ticket.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.actor = actor;
        change.reason = reason;
        change.at = at;
        change.persist();
    }
}
