package dev.rightsdesk.officer.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rightsdesk.ai.exclusion.ExclusionService;
import dev.rightsdesk.fanout.CompletionGate;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Holds an Art. 21(1) objection (legitimate interest or public task) open until an officer recorded the
 * balancing decision: upheld, or overruled with compelling legitimate grounds (LEGAL-RULES R-object). An objection
 * to direct marketing (21(2)/(3)) is absolute and owes no decision. Reads only, as every gate.
 */
@ApplicationScoped
public class BalancingGate implements CompletionGate {

    public static final String NAME = "objection-balancing";

    private final ExclusionService decisions;

    public BalancingGate(ExclusionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public boolean blocksCompletion(UUID ticketId) {
        // The caller holds the ticket locked in this transaction: found in the session, already decrypted.
        Ticket ticket = Ticket.findById(ticketId);
        return ticket != null && owed(ticket);
    }

    /** Whether a decision on {@code ticketId} is on file. */
    public boolean decided(UUID ticketId) {
        return decisions.objectionDecided(ticketId);
    }

    /** Whether {@code ticket} needs the officer's balancing decision and has none yet. */
    public boolean owed(Ticket ticket) {
        return needsBalancing(ticket) && !decisions.objectionDecided(ticket.id);
    }

    /** An objection on legitimate interest: the controller must weigh its grounds against the subject's. */
    public static boolean needsBalancing(Ticket ticket) {
        return needsBalancing(ticket.type, ticket.detailsJson);
    }

    /** As {@link #needsBalancing(Ticket)}, from the type and the decrypted details (the queue reads rows, not entities). */
    public static boolean needsBalancing(RequestType type, String detailsJson) {
        if (type != RequestType.OBJECTION || detailsJson == null) {
            return false;
        }
        try {
            var objection = RequestDetails.STRICT.readValue(detailsJson, RequestDetails.Objection.class);
            return objection.basis() == RequestDetails.ObjectionBasis.LEGITIMATE_INTEREST;
        } catch (JsonProcessingException e) {
            // Intake validated the details; unreadable ones cannot be balanced, so the officer must look.
            return true;
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
