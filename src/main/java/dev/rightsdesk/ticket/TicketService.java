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
 * Owns every change of a ticket's status. Named steps ({@link #approve}, {@link #reconsider}, {@link #close}, ...)
 * decide which move follows and keep the invariants (never approved twice; never closed before the systems were
 * asked unless refused or answered by hand with a reason); {@link #move} checks each move against the one table,
 * {@link TicketStatus#canMoveTo}, records the history entry and announces the event, all in the caller's
 * transaction. Only classes of this package call {@link #move} (LayeringTest).
 */
@ApplicationScoped
@Transactional
public class TicketService {

    public static final String SYSTEM = "system";
    public static final String SUBJECT = "subject";

    private final TicketEvents events;
    private final TicketConfig.Intake intake;
    private final TicketConfig.Review review;
    private final TicketWork work;
    private final Event<TicketVerified> verified;

    public TicketService(TicketEvents events, TicketConfig.Intake intake, TicketConfig.Review review,
            TicketWork work, Event<TicketVerified> verified) {
        this.events = events;
        this.intake = intake;
        this.review = review;
        this.work = work;
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

    /** The subject (or an officer) confirmed the identity: to review, or straight to the systems. */
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

    /**
     * Approves a verified ticket and carries it to the systems: IN_PROGRESS, then AWAITING_SYSTEMS (or
     * READY_FOR_RESPONSE when nothing was asked and nothing holds it), all in this transaction. A ticket is approved
     * once: only while it waits for review (or, with review off, right after verification); 409 otherwise.
     */
    public void approve(Ticket ticket, String actor, String reason) {
        if (!ticket.isVerified()) {
            throw ProblemException.conflict("not-verified", "Identity not verified",
                    "A ticket can be approved only after the subject's identity is verified");
        }
        if (ticket.status != TicketStatus.PENDING_REVIEW && ticket.status != TicketStatus.IDENTITY_UNVERIFIED) {
            // Approving twice would carry the ticket to the systems twice.
            throw ProblemException.conflict("not-pending-review", "Not waiting for review",
                    "Only a ticket waiting for review can be approved; this one is " + ticket.status);
        }
        move(ticket, TicketStatus.IN_PROGRESS, actor, reason, TicketEvents.APPROVED, null);
        TicketWork.Started started = work.start(ticket);
        if (started.waiting()) {
            move(ticket, TicketStatus.AWAITING_SYSTEMS, SYSTEM, "carried to the connected systems",
                    TicketEvents.FANNED_OUT, started.detail());
            reconsider(ticket);
        } else {
            move(ticket, TicketStatus.READY_FOR_RESPONSE, SYSTEM, "no connected system handles this request type",
                    TicketEvents.READY_FOR_RESPONSE, started.detail());
        }
    }

    /**
     * Moves a ticket awaiting systems (locked by the caller) to READY_FOR_RESPONSE once nothing holds it; true if
     * moved. Called after every change to its work (an answer, a cancellation, a gate opening).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reconsider(Ticket ticket) {
        if (ticket.status != TicketStatus.AWAITING_SYSTEMS || work.holds(ticket)) {
            return false;
        }
        move(ticket, TicketStatus.READY_FOR_RESPONSE, SYSTEM, "every connected system gave a final answer",
                TicketEvents.READY_FOR_RESPONSE, work.summary(ticket));
        return true;
    }

    /** A system was added to or asked again for a ticket being worked on: it waits for systems again. */
    public void awaitSystems(Ticket ticket, String actor, String reason) {
        if (ticket.status != TicketStatus.AWAITING_SYSTEMS) {
            move(ticket, TicketStatus.AWAITING_SYSTEMS, actor, reason, null, null);
        }
    }

    /** Refuses the request in whole (D5); the caller recorded the refusal and its grounds. */
    public void refuse(Ticket ticket, String actor, String reasons, Map<String, Object> detail) {
        move(ticket, TicketStatus.REFUSED, actor, reasons, TicketEvents.REFUSED, detail);
    }

    /** Never verified in time: closes it; the caller purges the personal data in the same transaction. */
    public void expire(Ticket ticket, String reason, Map<String, Object> detail) {
        move(ticket, TicketStatus.EXPIRED, SYSTEM, reason, TicketEvents.EXPIRED, detail);
    }

    /**
     * Closes a ticket with the response (the caller stored it). Only a verified ticket; one still waiting for review,
     * whose systems were never asked, only when answered by hand with a reason (409 {@code systems-not-asked}).
     * Whether tasks or remediations are still open is checked by the caller, who names them.
     */
    public void close(Ticket ticket, String actor, String reason) {
        if (!ticket.isVerified()) {
            throw ProblemException.conflict("not-verified", "Identity not verified",
                    "A ticket is answered only after the subject's identity is verified; refuse it instead");
        }
        if (ticket.status == TicketStatus.PENDING_REVIEW) {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.conflict("systems-not-asked", "The connected systems were not asked",
                        "A ticket waiting for review is approved first, refused, or answered by hand with a reason");
            }
            move(ticket, TicketStatus.IN_PROGRESS, actor, reason, null, Map.of("byHand", true));
        }
        if (ticket.status != TicketStatus.READY_FOR_RESPONSE) {
            move(ticket, TicketStatus.READY_FOR_RESPONSE, actor, "closing: nothing left to wait for",
                    TicketEvents.READY_FOR_RESPONSE, null);
        }
        move(ticket, TicketStatus.COMPLETED, actor, reason, TicketEvents.COMPLETED, null);
    }

    /**
     * Moves the ticket to {@code to}, or refuses with 409 {@code illegal-transition} when the table does not allow
     * it. Public for the tests that set a ticket up; main code outside this package uses the named steps above.
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
