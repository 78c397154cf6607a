package dev.rightsdesk.platform.crypto;

import java.util.UUID;

/**
 * The data key a value names was destroyed (crypto-shredded) after its ticket was closed: the value can never be
 * read again. Not an error of the sender: the ticket is over.
 */
public class TicketKeyDestroyedException extends UnreadableFieldException {

    private final transient UUID ticketId;

    public TicketKeyDestroyedException(String path, UUID ticketId) {
        super(path, "is encrypted with the data key of ticket " + ticketId + ", destroyed after the ticket closed");
        this.ticketId = ticketId;
    }

    public UUID ticketId() {
        return ticketId;
    }
}
