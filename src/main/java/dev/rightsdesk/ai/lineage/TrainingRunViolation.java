package dev.rightsdesk.ai.lineage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A training run that missed a ticket's exclusion, attached to that ticket. */
@Entity
@Table(name = "training_run_violation")
@IdClass(TrainingRunViolation.Key.class)
public class TrainingRunViolation extends PanacheEntityBase {

    @Id
    public UUID trainingRunId;

    @Id
    public UUID ticketId;

    /** How many of the ticket's identifiers the run failed to exclude. */
    public int missedEntries;

    public static List<TrainingRunViolation> forTicket(UUID ticketId) {
        return list("ticketId", ticketId);
    }

    public static List<TrainingRunViolation> forRun(UUID trainingRunId) {
        return list("trainingRunId", trainingRunId);
    }

    /** Composite key: (run, ticket). */
    public static class Key implements Serializable {
        public UUID trainingRunId;
        public UUID ticketId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(trainingRunId, k.trainingRunId) && Objects.equals(ticketId, k.ticketId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(trainingRunId, ticketId);
        }
    }
}
