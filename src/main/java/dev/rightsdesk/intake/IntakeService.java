package dev.rightsdesk.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.deadline.Deadline;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.intake.ratelimit.RateLimiter;
import dev.rightsdesk.platform.crypto.BlindIndex;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Turns a validated request into a ticket: stamps the receipt instant (the clock starts here, D1),
 * computes the statutory deadline, and honours {@code Idempotency-Key} so a retried submission returns
 * the ticket it already created.
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    private final TicketService tickets;
    private final StatutoryClock clock;
    private final BlindIndex blindIndex;
    private final ObjectMapper mapper;
    private final SubjectFlow flow;
    private final RateLimiter limiter;

    public IntakeService(TicketService tickets, StatutoryClock clock, BlindIndex blindIndex, ObjectMapper mapper,
            SubjectFlow flow, RateLimiter limiter) {
        this.tickets = tickets;
        this.clock = clock;
        this.blindIndex = blindIndex;
        this.mapper = mapper;
        this.flow = flow;
        this.limiter = limiter;
    }

    /**
     * Counts a submission against the limits per client address and per e-mail address (by its blind index),
     * before anything is validated or stored; throws {@code RateLimitedException} when over a limit.
     */
    public void countSubmission(String clientAddress, String email) {
        String emailHash = email == null || email.isBlank() ? null : blindIndex.ofEmail(email);
        limiter.hit(RateLimiter.Action.SUBMIT, clientAddress, emailHash);
    }

    /** The outcome of a submission: the ticket, and whether this call created it. */
    public record Submission(Ticket ticket, boolean created) {
    }

    public Submission submit(@Valid IntakeRequest request, Optional<String> idempotencyKey) {
        RequestDetails details = RequestDetails.parse(request.type(), request.details());
        String fingerprint = fingerprint(request);
        if (idempotencyKey.isPresent()) {
            Optional<Submission> earlier = replay(idempotencyKey.get(), fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            Ticket[] opened = new Ticket[1];
            SubjectFlow.Welcome welcome = QuarkusTransaction.requiringNew().call(() -> {
                opened[0] = tickets.open(newTicket(request, details, idempotencyKey.orElse(null), fingerprint),
                        TicketService.SUBJECT);
                return flow.prepare(opened[0]);
            });
            Ticket ticket = opened[0];
            LOG.infof("Ticket %s received (type %s)", ticket.id, ticket.type);
            // after commit: a mail must never announce a ticket that was rolled back
            flow.deliver(welcome);
            return new Submission(ticket, true);
        } catch (RuntimeException e) {
            // Two concurrent retries with one key: the unique index lets one win; the other returns its ticket.
            if (idempotencyKey.isPresent() && isUniqueViolation(e)) {
                return replay(idempotencyKey.get(), fingerprint).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<Submission> replay(String key, String fingerprint) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.findByIdempotencyKey(key)).map(existing -> {
            if (!fingerprint.equals(existing.requestFingerprint)) {
                throw ProblemException.refused("idempotency-key-reused", "Idempotency key already used",
                        "This Idempotency-Key was used for a different request; use a new key for a new request");
            }
            return new Submission(existing, false);
        });
    }

    private Ticket newTicket(IntakeRequest request, RequestDetails details, String idempotencyKey, String fingerprint) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Deadline deadline = clock.deadlineFor(receivedAt);
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.type = request.type();
        t.locale = request.locale() == null ? "en" : request.locale();
        t.subjectEmail = request.subject().email().trim();
        t.subjectEmailHash = blindIndex.ofEmail(request.subject().email());
        t.subjectName = blankToNull(request.subject().name());
        t.subjectIdentifiersJson = json(request.subject().identifiers());
        t.detailsJson = json(details);
        t.receivedAt = receivedAt;
        Deadlines.apply(t, deadline);
        t.idempotencyKey = idempotencyKey;
        t.requestFingerprint = fingerprint;
        return t;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise request data", e);
        }
    }

    private String fingerprint(IntakeRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && "23505".equals(cve.getSQLState())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
