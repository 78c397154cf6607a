package dev.rightsdesk.officer.work;

import dev.rightsdesk.ticket.Ticket;

/**
 * What an Art. 21(1) balancing decision does beyond the ticket: with no compelling grounds the processing stops
 * and the subject stays excluded; with compelling grounds the restriction (Art. 18(1)(d)) is lifted. The AI rights
 * feature implements it; {@link NoObjectionEffects} stands in.
 */
public interface ObjectionEffects {

    /** Called inside the deciding transaction, after the decision was recorded. */
    void decided(Ticket ticket, boolean compellingGrounds, String actor);
}
