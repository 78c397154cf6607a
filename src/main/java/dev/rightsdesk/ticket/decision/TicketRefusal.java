package dev.rightsdesk.ticket.decision;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A refusal in whole or in part, as the subject is told of it (D5): the grounds, the officer's reasons
 * (encrypted) and the complaint-rights text given. The subject notice reads it when the {@code refused} event
 * names its id.
 */
@Entity
@Table(name = "ticket_refusal")
public class TicketRefusal extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    public RefusalScope scope;

    /** Comma-separated {@link RefusalGround} names. */
    public String grounds;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reasons_enc")
    public String reasons;

    /** The Art. 12(4) text: the right to complain to the supervisory authority and to a judicial remedy. */
    public String complaintRights;

    public String actor;
    public Instant at;

    public static List<TicketRefusal> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by at", ticketId);
    }
}
