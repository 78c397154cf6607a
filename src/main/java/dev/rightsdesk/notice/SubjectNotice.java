package dev.rightsdesk.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message owed to the subject about their request (receipt, extension, refusal, answer). */
@Entity
@Table(name = "subject_notice")
public class SubjectNotice extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID ticketId;

    /** Which notice: the ticket event name that caused it (received, extended, refused, ...). */
    public String kind;

    /** The ticket event it was derived from. */
    public String eventId;

    public Instant createdAt;
    public Instant sentAt;
    public int attempts;

    public static List<SubjectNotice> forTicket(UUID ticketId) {
        return list("ticketId = ?1 order by createdAt", ticketId);
    }
}
