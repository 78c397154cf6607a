package dev.rightsdesk.platform.crypto;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The tombstone of a destroyed data key: ids and a time only, so that "this key is gone for good" (410) can be told
 * apart from "there never was one" (404), and a value naming it is set aside rather than retried.
 */
@Entity
@Table(name = "ticket_data_key_destroyed")
public class DestroyedTicketKey extends PanacheEntityBase {

    @Id
    public UUID ticketId;

    public String keyId;

    public Instant destroyedAt;

    public static Optional<DestroyedTicketKey> byKeyId(String keyId) {
        return find("keyId", keyId).firstResultOptional();
    }
}
