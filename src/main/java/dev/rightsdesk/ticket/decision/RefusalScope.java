package dev.rightsdesk.ticket.decision;

/** A refusal of the whole request (the ticket closes as REFUSED) or of a part of it (the rest goes on). */
public enum RefusalScope {
    WHOLE,
    PARTIAL
}
