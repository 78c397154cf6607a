package dev.rightsdesk.fanout;

import dev.rightsdesk.platform.error.ProblemException;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import dev.rightsdesk.system.SystemKind;
import dev.rightsdesk.ticket.RequestType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One connected system's share of one ticket: the command sent (same task id on every attempt), the
 * system's answer, and where it stands. Free text and answer data from systems are encrypted at rest.
 */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID ticketId;
    public String systemKey;

    @Enumerated(EnumType.STRING)
    public SystemKind systemKind;

    @Enumerated(EnumType.STRING)
    public RequestType action;

    @Enumerated(EnumType.STRING)
    public TaskState state;

    /** Meaningful with {@link TaskState#FAILED}: true when the system asked to be tried again. */
    public boolean retryable;

    /** Commands sent so far; the command of attempt n carries {@code attempt: n}. */
    public int attempts;

    public Instant sentAt;
    /** When the system's answer to the current attempt is due (sent + reply deadline, with back-off). */
    public Instant replyDue;
    /** When the retry job looks at this task next; null when nothing is scheduled. */
    public Instant nextAttemptAt;
    /** The ticket's statutory due date in force when the task was (re)sent. */
    public LocalDate statutoryDue;
    public Instant acknowledgedAt;
    public Instant completedAt;
    /** {@code system} for an answer from the system, or the officer who marked it done by hand. */
    public String completedBy;

    /** Why the last attempt failed or was escalated; may be the system's own words, so encrypted. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "last_error_enc")
    public String lastError;

    /** A short description of the answer (the system's summary or the officer's evidence). */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "answer_summary_enc")
    public String answerSummary;

    /** The access answer (JSON) for the access package: the subject's data held by this system. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "answer_data_enc")
    public String answerData;

    /**
     * The system's evidence of what it did (docs/events.md, {@code evidence}): JSON of counts and statement shapes.
     * Encrypted like every other text that comes from a system, in case one sends more than it should.
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "evidence_enc")
    public String evidence;

    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    /** True when nothing more will happen to this task on its own (see {@link TaskState}). */
    public boolean isFinal() {
        return state.isFinal(retryable);
    }

    /**
     * The one way a task changes state, used by the fan-out, the results, the retries and the officers: checks the
     * move against {@link TaskState#canMoveTo} (409 {@code illegal-task-transition} otherwise). A new task starts
     * with {@code PENDING}.
     */
    public void moveTo(TaskState to, Instant now) {
        if (state == null ? to != TaskState.PENDING : !state.canMoveTo(to)) {
            throw ProblemException.conflict("illegal-task-transition", "Action not allowed in this task state",
                    "A task in state " + state + " cannot move to " + to);
        }
        state = to;
        updatedAt = now;
    }

    /** How many tasks of the ticket have no final answer yet: the query form of {@link #isFinal()}, kept beside it. */
    public static long unfinished(UUID ticketId) {
        // A select of its own rather than Panache's count(): that one derives a count query from the select every
        // time (Hibernate 6 getResultCount), which the profile of a fan-out showed at 15 % of the CPU.
        return getEntityManager().createQuery("select count(t) from Task t where t.ticketId = ?1 and t.state not in ?2"
                + " and not (t.state = ?3 and t.retryable = false)", Long.class)
                .setParameter(1, ticketId)
                .setParameter(2, TaskState.alwaysFinal())
                .setParameter(3, TaskState.FAILED)
                .getSingleResult();
    }

    /** Every task of a ticket, canceled ones included, oldest first. */
    public static List<Task> forTicket(UUID ticketId) {
        return list("ticketId = ?1 order by createdAt, systemKey", ticketId);
    }

    /** The task of {@code systemKey} on a ticket that is not canceled, if any. */
    public static Optional<Task> live(UUID ticketId, String systemKey) {
        return find("ticketId = ?1 and systemKey = ?2 and state <> ?3", ticketId, systemKey, TaskState.CANCELED)
                .firstResultOptional();
    }
}
