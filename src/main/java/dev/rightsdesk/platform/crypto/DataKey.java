package dev.rightsdesk.platform.crypto;

import java.util.UUID;

/**
 * A ticket's data key in the clear (32 bytes, AES-256), as {@link TicketKeys} hands it to code that encrypts or
 * decrypts the ticket's personal fields. Never logged, never stored unwrapped.
 */
public record DataKey(UUID ticketId, String keyId, byte[] key) {

    @Override
    public String toString() {
        // A record would print the key bytes; a key in a log line is a key given away.
        return "DataKey[ticketId=" + ticketId + ", keyId=" + keyId + "]";
    }
}
