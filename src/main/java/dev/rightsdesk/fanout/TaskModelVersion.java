package dev.rightsdesk.fanout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A model version trained on data of the subject, as its MODEL_REGISTRY system reported it. The AI-rights
 * feature creates one model remediation per row of an erasure or objection ticket ({@link #forTicket}).
 */
@Entity
@Table(name = "task_model_version")
public class TaskModelVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID taskId;
    public UUID ticketId;
    public String systemKey;
    /** The model's name in the registry, e.g. {@code recommender}. */
    public String modelName;
    /** The version, e.g. {@code 3.1.0}. */
    public String modelVersion;
    /** The training dataset versions this model version was trained on, e.g. {@code customer-orders@2024-06}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> trainingDatasetVersions = new ArrayList<>();
    public Instant reportedAt;

    /** Every model version reported for a ticket, oldest report first. */
    public static List<TaskModelVersion> forTicket(UUID ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }

    public static List<TaskModelVersion> forTask(UUID taskId) {
        return list("taskId = ?1 order by id", taskId);
    }
}
