package dev.rightsdesk.ticket.decision;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The answer the officer gave the subject when closing the ticket (encrypted); the notice sends it. */
@Entity
@Table(name = "ticket_response")
public class TicketResponse extends PanacheEntityBase {

    @Id
    public UUID ticketId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "response_enc")
    public String response;

    public String actor;
    public Instant at;
}
