package dev.rightsdesk.fanout;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An explicit change to a ticket's tasks, by an officer or by the retry job: what, who, why, when. */
@Entity
@Table(name = "task_change")
public class TaskChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID taskId;
    public UUID ticketId;
    /** One of the {@link FanoutEvents} names: task-added, task-canceled, task-resent, ... */
    public String change;
    /** {@code system} or the officer's user name. */
    public String actor;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reason_enc")
    public String reason;

    public Instant at;

    static void record(Task task, String change, String actor, String reason, Instant at) {
        TaskChange c = new TaskChange();
        c.taskId = task.id;
        c.ticketId = task.ticketId;
        c.change = change;
        c.actor = actor;
        c.reason = reason;
        c.at = at;
        c.persist();
    }

    public static List<TaskChange> forTicket(UUID ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
