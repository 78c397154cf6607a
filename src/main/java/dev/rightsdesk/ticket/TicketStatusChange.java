package dev.rightsdesk.ticket;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of a ticket's append-only status history: from, to, who and why. */
@Entity
@Table(name = "ticket_status_change")
public class TicketStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    public TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    public TicketStatus toStatus;

    /** {@code system}, {@code subject}, or the officer's user name. */
    public String actor;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reason_enc")
    public String reason;

    public Instant at;

    public static List<TicketStatusChange> history(UUID ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
