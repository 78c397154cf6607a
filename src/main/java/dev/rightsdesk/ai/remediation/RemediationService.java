package dev.rightsdesk.ai.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.ai.AiConfig;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshot;
import dev.rightsdesk.ai.exclusion.ObjectionDecision;
import dev.rightsdesk.ai.exclusion.ObjectionOverruled;
import dev.rightsdesk.fanout.FanoutService;
import dev.rightsdesk.fanout.TaskModelVersion;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Opens a {@link ModelRemediation} for every model version a registry reported for an erasure or
 * objection, and records its progress (by an officer, or by the registry) with the evidence each state
 * requires. When the last one of a ticket resolves, asks the fan-out to reconsider the ticket.
 */
@ApplicationScoped
// A refused step changes nothing (every check runs before the first write), so it need not doom the
// caller's transaction: a registry's bad report must not roll back the task result it came with.
@Transactional(dontRollbackOn = ProblemException.class)
public class RemediationService {

    /** Ticket events (CloudEvent type {@code dev.rightsdesk.ticket.<name>.v1}); data names models, never the subject. */
    public static final String OPENED = "model-remediation-opened";
    public static final String UPDATED = "model-remediation-updated";
    public static final String ALL_RESOLVED = "model-remediation-all-resolved";

    private static final Logger LOG = Logger.getLogger(RemediationService.class);
    static final String NOT_OWED = "not owed: the objection was overruled on compelling legitimate grounds";

    private final AiConfig.Remediation config;
    private final RemediationDeadlines deadlines;
    private final FanoutService fanout;
    private final TicketEvents events;
    private final ObjectMapper mapper;
    private final Clock clock;

    public RemediationService(AiConfig config, RemediationDeadlines deadlines, FanoutService fanout, TicketEvents events,
            ObjectMapper mapper, Clock clock) {
        this.config = config.remediation();
        this.deadlines = deadlines;
        this.fanout = fanout;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Whether model versions reported for this request type must be remediated. */
    public static boolean remediates(RequestType type) {
        return type == RequestType.ERASURE || type == RequestType.OBJECTION;
    }

    /** Opens the missing remediations of a ticket (idempotent); returns those opened now. */
    public List<ModelRemediation> openFor(UUID ticketId) {
        Ticket ticket = Ticket.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null || !remediates(ticket.type)) {
            return List.of();
        }
        List<ModelRemediation> opened = new ArrayList<>();
        for (TaskModelVersion reported : TaskModelVersion.forTicket(ticketId)) {
            if (ModelRemediation.forReport(reported.id).isEmpty()) {
                opened.add(open(ticket, reported));
            }
        }
        if (!opened.isEmpty() && ObjectionDecision.forTicket(ticketId).map(d -> d.compellingGrounds).orElse(false)) {
            // reported after the objection was overruled: nothing is owed for these either
            opened.forEach(r -> apply(r, ticket, RemediationState.RESOLVED, RemediationEvidence.note(NOT_OWED), TicketService.SYSTEM));
            afterResolved(ticket);
        }
        return opened;
    }

    void onOverruled(@Observes ObjectionOverruled overruled) {
        resolveNotOwed(overruled.ticketId(), overruled.actor(), NOT_OWED);
    }

    private ModelRemediation open(Ticket ticket, TaskModelVersion reported) {
        Instant now = clock.instant();
        ModelRemediation r = new ModelRemediation();
        r.id = UUID.randomUUID();
        r.ticketId = ticket.id;
        r.taskId = reported.taskId;
        r.taskModelVersionId = reported.id;
        r.systemKey = reported.systemKey;
        r.modelName = reported.modelName;
        r.modelVersion = reported.modelVersion;
        r.state = RemediationState.AFFECTED;
        r.dueDate = deadlines.dueFor(ticket, deadlines.today(ticket));
        r.createdAt = now;
        r.updatedAt = now;
        r.persist();
        history(r, null, RemediationState.AFFECTED, TicketService.SYSTEM, null, now);
        events.announce(ticket, OPENED, null, detail(r, null));
        LOG.infof("Ticket %s: remediation %s opened for a model version of %s, due %s", ticket.id, r.id, r.systemKey, r.dueDate);
        return r;
    }

    /**
     * Records a step of a remediation: a remedy with its evidence, or RESOLVED. Officers call it (the officer
     * API); registries reach it through their task results. Refuses a move the state machine does not allow
     * (409) and evidence that does not back the state (400/422).
     */
    public ModelRemediation record(UUID remediationId, RemediationState state, @Valid RemediationEvidence evidence,
            String actor) {
        ModelRemediation r = lock(remediationId);
        Ticket ticket = Ticket.findById(r.ticketId);
        if (ticket.status.isClosed()) {
            throw ProblemException.conflict("ticket-closed", "Ticket closed", "A closed ticket takes no more remediation steps");
        }
        if (state == null) {
            throw ProblemException.invalid("The state is required", new FieldViolation("state", "is required"));
        }
        if (!r.state.canMoveTo(state)) {
            throw ProblemException.conflict("illegal-remediation-transition", "Step not allowed in this state",
                    "A remediation in state " + r.state + " cannot move to " + state);
        }
        RemediationEvidence e = evidence == null ? RemediationEvidence.none() : evidence;
        EvidenceCheck.check(r, state, e);
        apply(r, ticket, state, e, actor);
        if (state.isRemedy() && config.autoResolve().contains(state)) {
            apply(r, ticket, RemediationState.RESOLVED, RemediationEvidence.note("resolved on recording: " + state
                    + " is a checkable remedy"), TicketService.SYSTEM);
        }
        if (r.isResolved()) {
            afterResolved(ticket);
        }
        return r;
    }

    /**
     * Resolves a ticket's open remediations without a remedy, when none is owed: an Art. 21(1) objection
     * overruled by compelling legitimate grounds allows the processing to continue.
     */
    public int resolveNotOwed(UUID ticketId, String actor, String why) {
        Ticket ticket = Ticket.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
        int opened = openFor(ticketId).size(); // opened now: resolved at once, the decision being recorded
        int resolved = 0;
        for (ModelRemediation r : ModelRemediation.forTicket(ticketId)) {
            if (!r.isResolved()) {
                Ticket.getEntityManager().refresh(r, LockModeType.PESSIMISTIC_WRITE);
                apply(r, ticket, RemediationState.RESOLVED, RemediationEvidence.note(why), actor);
                resolved++;
            }
        }
        if (resolved > 0) {
            afterResolved(ticket);
        }
        return opened + resolved;
    }

    private void apply(ModelRemediation r, Ticket ticket, RemediationState to, RemediationEvidence e, String actor) {
        Instant now = clock.instant();
        RemediationState from = r.state;
        r.state = to;
        if (to.isRemedy()) {
            r.remedy = to;
        }
        if (e.newModelVersion() != null) {
            r.newModelVersion = e.newModelVersion().trim();
        }
        if (e.exclusionSnapshotVersion() != null) {
            r.exclusionSnapshotVersion = e.exclusionSnapshotVersion();
            r.exclusionSnapshotDigest = ExclusionSnapshot.at(e.exclusionSnapshotVersion()).map(s -> s.digest).orElse(null);
        }
        if (e.expectedBy() != null) {
            r.expectedBy = e.expectedBy();
        }
        if (e.assessment() != null && !e.assessment().isBlank()) {
            r.assessment = e.assessment().trim();
        }
        if (e.reference() != null && !e.reference().isBlank()) {
            r.evidenceReference = e.reference().trim();
        }
        if (e.note() != null && !e.note().isBlank()) {
            r.note = e.note().trim();
        }
        r.updatedAt = now;
        if (to == RemediationState.RESOLVED) {
            r.resolvedAt = now;
            r.resolvedBy = actor;
        }
        history(r, from, to, actor, e, now);
        events.announce(ticket, UPDATED, null, detail(r, from));
        LOG.infof("Ticket %s: remediation %s %s -> %s by %s", ticket.id, r.id, from, to, actor);
    }

    private void afterResolved(Ticket ticket) {
        boolean allResolved = ModelRemediation.forTicket(ticket.id).stream().allMatch(ModelRemediation::isResolved)
                && TaskModelVersion.forTicket(ticket.id).stream()
                        .allMatch(m -> ModelRemediation.forReport(m.id).isPresent());
        if (allResolved) {
            events.announce(ticket, ALL_RESOLVED, null, Map.of("remediations", ModelRemediation.forTicket(ticket.id).size()));
            fanout.reconsider(ticket.id);
        }
    }

    private ModelRemediation lock(UUID remediationId) {
        ModelRemediation r = ModelRemediation.findById(remediationId);
        if (r == null) {
            throw ProblemException.notFound("Remediation");
        }
        // ticket first, then the remediation: the order every writer of a ticket takes
        Ticket.findById(r.ticketId, LockModeType.PESSIMISTIC_WRITE);
        ModelRemediation.getEntityManager().refresh(r, LockModeType.PESSIMISTIC_WRITE);
        return r;
    }

    private void history(ModelRemediation r, RemediationState from, RemediationState to, String actor,
            RemediationEvidence e, Instant at) {
        ModelRemediationChange c = new ModelRemediationChange();
        c.remediationId = r.id;
        c.ticketId = r.ticketId;
        c.fromState = from;
        c.toState = to;
        c.actor = actor;
        c.at = at;
        try {
            c.evidenceJson = e == null ? null : mapper.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("evidence not serialisable", ex);
        }
        c.persist();
    }

    private static Map<String, Object> detail(ModelRemediation r, RemediationState from) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("remediationId", r.id);
        d.put("system", r.systemKey);
        d.put("model", r.modelName);
        d.put("modelVersion", r.modelVersion);
        if (from != null) {
            d.put("from", from);
        }
        d.put("state", r.state);
        d.put("dueDate", r.dueDate.toString());
        return d;
    }
}
