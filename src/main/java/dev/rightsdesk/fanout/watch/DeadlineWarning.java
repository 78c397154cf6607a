package dev.rightsdesk.fanout.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A deadline warning given: one per (ticket, threshold, due date in force), so each is emitted once. */
@Entity
@Table(name = "deadline_warning")
@IdClass(DeadlineWarning.Key.class)
public class DeadlineWarning extends PanacheEntityBase {

    @Id
    public UUID ticketId;
    @Id
    public int thresholdDays;
    @Id
    public LocalDate dueDate;
    public Instant warnedAt;

    public static List<DeadlineWarning> forTicket(UUID ticketId) {
        return list("ticketId = ?1 order by warnedAt", ticketId);
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID ticketId;
        public int thresholdDays;
        public LocalDate dueDate;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && thresholdDays == k.thresholdDays && Objects.equals(ticketId, k.ticketId)
                    && Objects.equals(dueDate, k.dueDate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, thresholdDays, dueDate);
        }
    }
}
