package dev.rightsdesk.platform.crypto;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A ticket's data key, stored only wrapped under the deployment's key ({@link FieldCipher#wrap}). Deleting the row
 * is crypto-shredding: every copy of the ticket's personal fields on Kafka becomes unreadable.
 */
@Entity
@Table(name = "ticket_data_key")
public class TicketDataKey extends PanacheEntityBase {

    @Id
    public UUID ticketId;

    /** The id rd1 values name ({@code rd1:<key id>:...}); random, so it says nothing about the ticket. */
    public String keyId;

    /** {@code w1:<deployment key id>:...}: the 32-byte key wrapped with the ticket and key id as associated data. */
    public String wrappedKey;

    public Instant createdAt;

    public static Optional<TicketDataKey> byKeyId(String keyId) {
        return find("keyId", keyId).firstResultOptional();
    }
}
