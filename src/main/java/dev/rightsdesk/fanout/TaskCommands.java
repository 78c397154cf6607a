package dev.rightsdesk.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.crypto.PersonalDataEncryption;
import dev.rightsdesk.platform.crypto.PersonalFields;
import dev.rightsdesk.platform.crypto.TicketKeys;
import dev.rightsdesk.platform.outbox.Outbox;
import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a task's command from its ticket and writes it to the outbox for the system's topic, in the
 * caller's transaction, its personal fields encrypted with the ticket's data key. The record key is the ticket id,
 * so a system sees a ticket's commands in order.
 */
@ApplicationScoped
public class TaskCommands {

    static final Duration MAX_WAIT = Duration.ofDays(31);

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final FanoutConfig config;
    private final TicketKeys keys;
    private final PersonalDataEncryption encryption;

    public TaskCommands(Outbox outbox, ObjectMapper mapper, FanoutConfig config, TicketKeys keys,
            PersonalDataEncryption encryption) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
        this.keys = keys;
        this.encryption = encryption;
    }

    /**
     * Sends the next attempt of {@code task}: raises {@code attempts}, sets the reply due date (with back-off)
     * and writes the command. Empty when the ticket carries no identifier the system can use (nothing sent).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TaskCommand> send(Task task, Ticket ticket, ConnectedSystem system, Instant now) {
        Optional<TaskCommand.Subject> subject = subjectFor(ticket, system);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        task.attempts++;
        task.moveTo(TaskState.SENT, now);
        task.retryable = false;
        task.sentAt = now;
        task.replyDue = now.plus(waitFor(system.replyDeadline(), task.attempts));
        task.nextAttemptAt = task.replyDue;
        task.statutoryDue = ticket.effectiveDue;
        task.updatedAt = now;
        TaskCommand command = command(task, ticket, system, subject.get());
        outbox.append(system.topic(), ticket.id.toString(), TaskCommand.type(task.action), task.id.toString(), onTheWire(command));
        return Optional.of(command);
    }

    /** The command as it goes on Kafka: its personal fields sealed with the ticket's key (crypto-shredding, ADR 0006). */
    private Object onTheWire(TaskCommand command) {
        if (encryption.personalDataEncryption() == PersonalDataEncryption.Mode.OFF) {
            return command;
        }
        return keys.encryptFields(command.ticketId(), mapper.valueToTree(command), PersonalFields.COMMAND);
    }

    /** Reply deadline times multiplier^(attempt-1), capped: how long attempt {@code attempt} may take. */
    Duration waitFor(Duration replyDeadline, int attempt) {
        Duration wait = replyDeadline;
        for (int i = 1; i < attempt && wait.compareTo(MAX_WAIT) < 0; i++) {
            wait = wait.multipliedBy(Math.max(1, config.backoffMultiplier()));
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private TaskCommand command(Task task, Ticket ticket, ConnectedSystem system, TaskCommand.Subject subject) {
        List<RequestDetails.Correction> corrections = null;
        String ground = null;
        RequestDetails.ObjectionBasis basis = null;
        List<String> purposes = null;
        try {
            switch (task.action) {
                case RECTIFICATION -> corrections =
                        RequestDetails.STRICT.readValue(ticket.detailsJson, RequestDetails.Rectification.class).corrections();
                case ERASURE -> ground = RequestDetails.STRICT.readValue(ticket.detailsJson, RequestDetails.Erasure.class).ground();
                case OBJECTION -> {
                    var objection = RequestDetails.STRICT.readValue(ticket.detailsJson, RequestDetails.Objection.class);
                    basis = objection.basis();
                    purposes = objection.purposes();
                }
                case ACCESS -> {
                    // the subject's identifiers are all an access command needs
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored details of ticket " + ticket.id + " cannot be read");
        }
        return new TaskCommand(task.id, ticket.id, system.key(), task.action, task.attempts,
                task.sentAt.truncatedTo(ChronoUnit.MILLIS), task.replyDue.truncatedTo(ChronoUnit.MILLIS),
                ticket.effectiveDue, TaskCommand.RESULTS_TOPIC, subject, corrections, ground, basis, purposes);
    }

    /** The subject's identifiers this system declared; empty when the ticket has none of them. */
    Optional<TaskCommand.Subject> subjectFor(Ticket ticket, ConnectedSystem system) {
        Map<String, String> known = identifiers(ticket);
        String email = null;
        String name = null;
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Boolean> verified = new LinkedHashMap<>();
        List<String> checked = ticket.verifiedIdentifiers();
        for (String type : system.identityTypes()) {
            if (ConnectedSystem.EMAIL.equals(type)) {
                email = ticket.subjectEmail;
                if (email != null) {
                    verified.put(type, ticket.isVerified());
                }
            } else if (ConnectedSystem.NAME.equals(type)) {
                name = ticket.subjectName;
                if (name != null) {
                    verified.put(type, checked.contains(type));
                }
            } else if (known.containsKey(type)) {
                ids.put(type, known.get(type));
                verified.put(type, checked.contains(type));
            }
        }
        if (email == null && name == null && ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TaskCommand.Subject(email, name, ids, verified));
    }

    private Map<String, String> identifiers(Ticket ticket) {
        if (ticket.subjectIdentifiersJson == null || ticket.subjectIdentifiersJson.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> map = mapper.readValue(ticket.subjectIdentifiersJson, new TypeReference<Map<String, String>>() {
            });
            return map == null ? Map.of() : map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored identifiers of ticket " + ticket.id + " cannot be read");
        }
    }
}
