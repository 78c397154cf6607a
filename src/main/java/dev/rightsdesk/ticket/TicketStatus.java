package dev.rightsdesk.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a ticket stands. The allowed moves are the state machine drawn in {@code docs/architecture.md};
 * {@link #canMoveTo(TicketStatus)} is the only place that decides them.
 */
public enum TicketStatus {
    /** Received; the subject has not yet confirmed the e-mail code. Nothing goes to connected systems. */
    IDENTITY_UNVERIFIED,
    /** Identity confirmed; waits for an officer's approval (review on by default). */
    PENDING_REVIEW,
    /**
     * Approved, or taken on by hand, before any system is asked. A passage, not a resting place: the approving
     * transaction carries the ticket on to AWAITING_SYSTEMS or READY_FOR_RESPONSE, and closing by hand goes on to
     * COMPLETED in the same transaction.
     */
    IN_PROGRESS,
    /** Tasks sent to connected systems; waiting for their answers (and model remediations). */
    AWAITING_SYSTEMS,
    /** Every system answered and every remediation resolved: the officer can answer the subject. */
    READY_FOR_RESPONSE,
    /** Answered and closed. */
    COMPLETED,
    /** Refused in whole, with reasons and the complaint rights (Art. 12(4)). */
    REFUSED,
    /** Never verified within the allowed period; personal data purged. */
    EXPIRED;

    // The one table of moves; StateDiagramTest holds docs/architecture.md to it, both ways.
    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = Map.of(
            IDENTITY_UNVERIFIED, EnumSet.of(PENDING_REVIEW, IN_PROGRESS, REFUSED, EXPIRED),
            PENDING_REVIEW, EnumSet.of(IN_PROGRESS, REFUSED),
            IN_PROGRESS, EnumSet.of(AWAITING_SYSTEMS, READY_FOR_RESPONSE, REFUSED),
            AWAITING_SYSTEMS, EnumSet.of(READY_FOR_RESPONSE, REFUSED),
            READY_FOR_RESPONSE, EnumSet.of(AWAITING_SYSTEMS, COMPLETED, REFUSED),
            COMPLETED, EnumSet.noneOf(TicketStatus.class),
            REFUSED, EnumSet.noneOf(TicketStatus.class),
            EXPIRED, EnumSet.noneOf(TicketStatus.class));

    public boolean canMoveTo(TicketStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Closed tickets take no more actions and no longer count against a deadline. */
    public boolean isClosed() {
        return this == COMPLETED || this == REFUSED || this == EXPIRED;
    }

    /** Verified and not closed: the statutory clock is running and work is possible. */
    public boolean isOpen() {
        return !isClosed();
    }

    public static Set<TicketStatus> closedStatuses() {
        return EnumSet.of(COMPLETED, REFUSED, EXPIRED);
    }
}
