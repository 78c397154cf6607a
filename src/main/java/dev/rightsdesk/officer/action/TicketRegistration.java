package dev.rightsdesk.officer.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.deadline.Deadline;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.officer.action.ActionRequests.Registration;
import dev.rightsdesk.platform.crypto.BlindIndex;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registers a request that reached the controller by e-mail, post or phone. The statutory clock runs from the
 * actual receipt (D1), not from the moment of registration, so a letter read late is still due a month after
 * it arrived.
 */
@ApplicationScoped
@Transactional
public class TicketRegistration {

    private static final Logger LOG = Logger.getLogger(TicketRegistration.class);
    /** A clock a little ahead on the officer's machine must not make "just now" a future instant. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Older receipts are mistakes more often than not; they would be long past even the extended due date. */
    private static final Duration OLDEST_RECEIPT = Duration.ofDays(366);

    private final TicketService tickets;
    private final StatutoryClock clock;
    private final BlindIndex blindIndex;
    private final ObjectMapper mapper;
    private final ActionAudit audit;

    public TicketRegistration(TicketService tickets, StatutoryClock clock, BlindIndex blindIndex, ObjectMapper mapper,
            ActionAudit audit) {
        this.tickets = tickets;
        this.clock = clock;
        this.blindIndex = blindIndex;
        this.mapper = mapper;
        this.audit = audit;
    }

    public Ticket register(@Valid Registration request, String actor) {
        Instant now = Instant.now();
        if (request.receivedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("The receipt time is in the future",
                    new FieldViolation("receivedAt", "must not be in the future"));
        }
        if (request.receivedAt().isBefore(now.minus(OLDEST_RECEIPT))) {
            throw ProblemException.invalid("The receipt time is more than a year ago",
                    new FieldViolation("receivedAt", "must be within the last year"));
        }
        RequestDetails details = RequestDetails.parse(request.type(), request.details());
        Instant receivedAt = request.receivedAt().truncatedTo(ChronoUnit.MICROS);
        Deadline deadline = clock.deadlineFor(receivedAt);
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.type = request.type();
        t.channel = request.channel().name();
        t.locale = request.locale() == null ? "en" : request.locale();
        t.subjectEmail = request.subject().email().trim();
        t.subjectEmailHash = blindIndex.ofEmail(request.subject().email());
        t.subjectName = request.subject().name() == null || request.subject().name().isBlank()
                ? null : request.subject().name().trim();
        t.subjectIdentifiersJson = json(request.subject().identifiers());
        t.detailsJson = json(details);
        t.receivedAt = receivedAt;
        t.receivedOn = deadline.receivedOn();
        t.memberState = String.valueOf(deadline.memberState());
        t.zone = String.valueOf(deadline.zone());
        t.nominalDue = deadline.nominalDue();
        t.dueDate = deadline.due();
        t.extendedNominalDue = deadline.extendedNominalDue();
        t.extendedDue = deadline.extendedDue();
        t.effectiveDue = deadline.effectiveDue();
        tickets.open(t, actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("channel", t.channel);
        detail.put("type", t.type);
        detail.put("receivedAt", t.receivedAt);
        audit.record(t, "registration", actor, detail, request.note());
        LOG.infof("Ticket %s registered by an officer (channel %s, type %s)", t.id, t.channel, t.type);
        return t;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise request data", e);
        }
    }
}
