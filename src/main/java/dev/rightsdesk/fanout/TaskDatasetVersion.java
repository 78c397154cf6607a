package dev.rightsdesk.fanout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A training dataset version that held the subject, as its TRAINING_DATASET system reported it. */
@Entity
@Table(name = "task_dataset_version")
public class TaskDatasetVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID taskId;
    public UUID ticketId;
    public String systemKey;
    /** The dataset's name, e.g. {@code customer-conversations}. */
    public String dataset;
    /** The version (snapshot) of that dataset, e.g. {@code 2024-06}. */
    public String datasetVersion;
    /** Records of the subject removed from this version. */
    public long recordsRemoved;
    /** Records of the subject excluded from future versions built from it. */
    public long recordsExcluded;
    public Instant reportedAt;

    /** Every dataset version reported for a ticket, by system, dataset and version. */
    public static List<TaskDatasetVersion> forTicket(UUID ticketId) {
        return list("ticketId = ?1 order by systemKey, dataset, datasetVersion", ticketId);
    }

    public static List<TaskDatasetVersion> forTask(UUID taskId) {
        return list("taskId = ?1 order by dataset, datasetVersion", taskId);
    }
}
