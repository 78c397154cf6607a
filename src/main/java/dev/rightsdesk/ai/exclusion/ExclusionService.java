package dev.rightsdesk.ai.exclusion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.outbox.Outbox;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the training-exclusion list: puts a verified erasure or AI-training objection on it, lifts an
 * Art. 21(1) objection's entries when an officer records compelling grounds, raises the snapshot version
 * with every change and publishes each changed hash to {@value #TOPIC} through the outbox.
 */
@ApplicationScoped
@Transactional
public class ExclusionService {

    /** Compacted topic: key = subject hash, value = {@link ExclusionEntryData}, tombstone = lifted. */
    public static final String TOPIC = "dsr.training-exclusions";
    public static final String TYPE_ENTRY = "dev.rightsdesk.training-exclusion.v1";
    public static final String TYPE_LIFTED = "dev.rightsdesk.training-exclusion.lifted.v1";

    /** Ticket events of this feature (CloudEvent type {@code dev.rightsdesk.ticket.<name>.v1}). */
    public static final String EXCLUDED = "training-exclusion-added";
    public static final String OBJECTION_UPHELD = "objection-upheld";
    public static final String OBJECTION_OVERRULED = "objection-overruled";

    static final int MAX_REASONS = 4000;

    private static final Logger LOG = Logger.getLogger(ExclusionService.class);
    private static final TypeReference<Map<String, String>> IDENTIFIERS = new TypeReference<>() {
    };

    private final SubjectHasher hasher;
    private final SnapshotVersions versions;
    private final Outbox outbox;
    private final TicketEvents events;
    private final ObjectMapper mapper;
    private final Event<ObjectionOverruled> overruled;

    public ExclusionService(SubjectHasher hasher, SnapshotVersions versions, Outbox outbox, TicketEvents events,
            ObjectMapper mapper, Event<ObjectionOverruled> overruled) {
        this.hasher = hasher;
        this.versions = versions;
        this.outbox = outbox;
        this.events = events;
        this.mapper = mapper;
        this.overruled = overruled;
    }

    /** The value published for a hash: the earliest active entry, and every ticket that keeps it on the list. */
    public record ExclusionEntryData(String hash, String identifierType, ExclusionReason reason, Instant since,
            UUID ticketId, long snapshotVersion, List<Basis> tickets) {
    }

    /** One ticket keeping a hash on the list. */
    public record Basis(UUID ticketId, ExclusionReason reason, Instant since) {
    }

    /** The outcome of an officer's decision on an objection. */
    public record ObjectionDecisionView(UUID ticketId, boolean compellingGrounds, String event, int liftedEntries,
            Long snapshotVersion, String actor, Instant decidedAt) {
    }

    /** Why {@code ticket} excludes its subject from training, if it does: an erasure or an AI-training objection. */
    public static Optional<ExclusionReason> reasonFor(Ticket ticket) {
        if (ticket.type == RequestType.ERASURE) {
            return Optional.of(ExclusionReason.ERASURE);
        }
        if (ticket.type != RequestType.OBJECTION) {
            return Optional.empty();
        }
        RequestDetails.Objection objection = objection(ticket);
        if (!objection.coversAiTraining() || objection.basis() == null) {
            return Optional.empty();
        }
        return Optional.of(objection.basis() == RequestDetails.ObjectionBasis.LEGITIMATE_INTEREST
                ? ExclusionReason.OBJECTION_21_1 : ExclusionReason.OBJECTION_21_2);
    }

    /**
     * Puts the subject of a verified ticket on the list, one entry per identifier, when the request calls
     * for it; raises the version once. Idempotent: a ticket already on the list adds nothing.
     */
    public List<TrainingExclusion> excludeIfApplicable(Ticket ticket) {
        Optional<ExclusionReason> reason = reasonFor(ticket);
        if (reason.isEmpty() || TrainingExclusion.count("ticketId", ticket.id) > 0) {
            return List.of();
        }
        Map<String, String> hashes = identifierHashes(ticket);
        SnapshotVersions.Raised raised = versions.raise();
        List<TrainingExclusion> added = hashes.entrySet().stream().map(e -> {
            TrainingExclusion x = new TrainingExclusion();
            x.subjectHash = e.getKey();
            x.identifierType = e.getValue();
            x.reason = reason.get();
            x.since = raised.at();
            x.ticketId = ticket.id;
            x.addedVersion = raised.version();
            x.persist();
            return x;
        }).toList();
        ExclusionSnapshot snapshot = versions.seal(raised);
        added.forEach(x -> publish(x.subjectHash, snapshot.version));
        events.announce(ticket, EXCLUDED, null, Map.of("reason", reason.get().name(), "entries", added.size(),
                "snapshotVersion", snapshot.version));
        LOG.infof("Ticket %s: %d identifiers excluded from training at snapshot %d", ticket.id, added.size(),
                snapshot.version);
        return added;
    }

    /**
     * Records an officer's decision on an objection. Without compelling grounds the objection is upheld and
     * the subject stays excluded ({@code objection-upheld}); with them, allowed only for Art. 21(1), the
     * ticket's entries are lifted by tombstones ({@code objection-overruled}). The subject is told of either
     * by the notice consumer. One decision per ticket.
     */
    public ObjectionDecisionView recordObjectionDecision(UUID ticketId, boolean compellingGrounds, String reasons,
            String actor) {
        Ticket ticket = Ticket.<Ticket>findByIdOptional(ticketId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Ticket"));
        checkDecidable(ticket, compellingGrounds, reasons);
        Instant now = Instant.now();
        int lifted = 0;
        Long version = null;
        if (compellingGrounds) {
            List<TrainingExclusion> active = TrainingExclusion.list("ticketId = ?1 and liftedVersion is null", ticketId);
            if (!active.isEmpty()) {
                SnapshotVersions.Raised raised = versions.raise();
                active.forEach(x -> {
                    x.liftedAt = raised.at();
                    x.liftedVersion = raised.version();
                    x.liftedBy = actor;
                });
                ExclusionSnapshot snapshot = versions.seal(raised);
                active.stream().map(x -> x.subjectHash).distinct().forEach(h -> publish(h, snapshot.version));
                lifted = active.size();
                version = snapshot.version;
            }
        }
        ObjectionDecision decision = new ObjectionDecision();
        decision.ticketId = ticketId;
        decision.compellingGrounds = compellingGrounds;
        decision.reasons = reasons == null || reasons.isBlank() ? null : reasons.trim();
        decision.actor = actor;
        decision.decidedAt = now;
        decision.liftedEntries = lifted;
        decision.snapshotVersion = version;
        decision.persist();
        String event = compellingGrounds ? OBJECTION_OVERRULED : OBJECTION_UPHELD;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("compellingGrounds", compellingGrounds);
        detail.put("liftedEntries", lifted);
        if (version != null) {
            detail.put("snapshotVersion", version);
        }
        events.announce(ticket, event, null, detail);
        if (compellingGrounds) {
            overruled.fire(new ObjectionOverruled(ticketId, actor));
        }
        LOG.infof("Ticket %s: objection %s by %s (%d exclusion entries lifted)", ticketId,
                compellingGrounds ? "overruled" : "upheld", actor, lifted);
        return new ObjectionDecisionView(ticketId, compellingGrounds, event, lifted, version, actor, now);
    }

    /** Whether an officer recorded the decision on this objection; the officer's balancing gate asks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean objectionDecided(UUID ticketId) {
        return ObjectionDecision.forTicket(ticketId).isPresent();
    }

    private void checkDecidable(Ticket ticket, boolean compellingGrounds, String reasons) {
        if (ticket.type != RequestType.OBJECTION) {
            throw ProblemException.conflict("not-an-objection", "Not an objection",
                    "Only an objection (Art. 21) takes an objection decision");
        }
        if (!ticket.isVerified()) {
            throw ProblemException.conflict("not-verified", "Identity not verified",
                    "An objection can be decided only after the subject's identity is verified");
        }
        if (ticket.status.isClosed()) {
            throw ProblemException.conflict("ticket-closed", "Ticket closed", "A closed ticket takes no more decisions");
        }
        if (ObjectionDecision.forTicket(ticket.id).isPresent()) {
            throw ProblemException.conflict("objection-already-decided", "Objection already decided",
                    "This objection has a recorded decision");
        }
        if (compellingGrounds && objection(ticket).basis() != RequestDetails.ObjectionBasis.LEGITIMATE_INTEREST) {
            throw ProblemException.refused("objection-absolute", "Objection is absolute",
                    "An objection to direct marketing (Art. 21(2)/(3)) cannot be overridden by compelling grounds",
                    new FieldViolation("compellingGrounds", "must be false for a direct-marketing objection"));
        }
        if (compellingGrounds && (reasons == null || reasons.isBlank())) {
            throw ProblemException.invalid("Compelling grounds must be stated",
                    new FieldViolation("reasons", "is required when compellingGrounds is true"));
        }
        if (reasons != null && reasons.length() > MAX_REASONS) {
            throw ProblemException.invalid("The reasons are too long",
                    new FieldViolation("reasons", "must be at most " + MAX_REASONS + " characters"));
        }
    }

    /** Publishes the current state of {@code hash}: its earliest active entry, or a tombstone when none is left. */
    private void publish(String hash, long version) {
        List<TrainingExclusion> active = TrainingExclusion.activeFor(hash);
        if (active.isEmpty()) {
            outbox.appendTombstone(TOPIC, hash, TYPE_LIFTED);
            return;
        }
        TrainingExclusion first = active.get(0);
        List<Basis> tickets = active.stream().map(x -> new Basis(x.ticketId, x.reason, x.since)).toList();
        outbox.append(TOPIC, hash, TYPE_ENTRY, hash, new ExclusionEntryData(hash, first.identifierType, first.reason,
                first.since, first.ticketId, version, tickets));
    }

    /** Hash -> identifier type, for the e-mail and every declared identifier (distinct hashes). */
    private Map<String, String> identifierHashes(Ticket ticket) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put(hasher.hash(SubjectHasher.EMAIL, ticket.subjectEmail), SubjectHasher.EMAIL);
        if (ticket.subjectIdentifiersJson != null && !ticket.subjectIdentifiersJson.isBlank()) {
            try {
                Map<String, String> identifiers = mapper.readValue(ticket.subjectIdentifiersJson, IDENTIFIERS);
                identifiers.forEach((name, value) -> {
                    if (value != null && !value.isBlank()) {
                        String type = SubjectHasher.typeOf(name);
                        hashes.putIfAbsent(hasher.hash(type, value), type);
                    }
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Ticket " + ticket.id + " holds unreadable identifiers");
            }
        }
        return hashes;
    }

    private static RequestDetails.Objection objection(Ticket ticket) {
        try {
            return RequestDetails.STRICT.readValue(ticket.detailsJson, RequestDetails.Objection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Ticket " + ticket.id + " holds unreadable objection details");
        }
    }
}
