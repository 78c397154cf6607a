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

/** A well-formed result that found no open task: kept for the record instead of failing the consumer. */
@Entity
@Table(name = "task_result_orphan")
public class TaskResultOrphan extends PanacheEntityBase {

    /** Why a result was set aside. */
    public static final String UNKNOWN_TASK = "unknown-task";
    public static final String TASK_FINAL = "task-final";
    public static final String TASK_CANCELED = "task-canceled";
    public static final String TICKET_CLOSED = "ticket-closed";
    public static final String TICKET_MISMATCH = "ticket-mismatch";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String eventId;
    public UUID taskId;
    public UUID ticketId;
    public String outcome;
    public String reason;
    public Instant receivedAt;

    public static List<TaskResultOrphan> forTask(UUID taskId) {
        return list("taskId = ?1 order by id", taskId);
    }
}
