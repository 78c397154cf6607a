package dev.rightsdesk.ai.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.ai.AiConfig;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshot;
import dev.rightsdesk.ai.exclusion.SubjectHasher;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Checks each run of a registered training pipeline against the exclusion list: the snapshot its
 * {@code dsrExclusionSnapshot} facet names must be a real version with that digest, and no older than
 * the version in force when the run started (minus the grace). A run that falls short is a violation on
 * every ticket whose exclusion it missed: flagged, announced, counted.
 */
@ApplicationScoped
@Transactional
public class TrainingRunService {

    /** Ticket event of a run that missed the ticket's exclusion. */
    public static final String VIOLATION_EVENT = "training-run-violation";

    private static final Logger LOG = Logger.getLogger(TrainingRunService.class);

    private final AiConfig config;
    private final EntityManager em;
    private final TicketEvents events;
    private final ViolationMetrics metrics;

    public TrainingRunService(AiConfig config, EntityManager em, TicketEvents events, ViolationMetrics metrics) {
        this.config = config;
        this.em = em;
        this.events = events;
        this.metrics = metrics;
    }

    /** The applied snapshot as the facet names it, and what checking it found. */
    record Applied(Long version, String digest, RunFinding finding) {
    }

    /**
     * Records an event of a registered pipeline's run: the first event of a run (normally START) is
     * checked; later ones only move the run's last state.
     */
    public TrainingRun record(LineageEvent event) {
        Optional<TrainingRun> existing = TrainingRun.find(event.jobNamespace(), event.jobName(), event.runId());
        if (existing.isPresent()) {
            TrainingRun run = existing.get();
            if (event.eventTime().isAfter(run.lastEventTime) || event.eventTime().equals(run.lastEventTime)) {
                run.lastEventType = event.eventType();
                run.lastEventTime = event.eventTime();
            }
            return run;
        }
        ExclusionSnapshot required = ExclusionSnapshot.currentAt(event.eventTime().minus(config.runStartGrace()));
        Applied applied = applied(event.exclusionFacet(), required);
        TrainingRun run = new TrainingRun();
        run.id = UUID.randomUUID();
        run.jobNamespace = event.jobNamespace();
        run.jobName = event.jobName();
        run.runId = event.runId();
        run.eventTime = event.eventTime();
        run.firstEventType = event.eventType();
        run.lastEventType = event.eventType();
        run.lastEventTime = event.eventTime();
        run.receivedAt = Instant.now();
        run.appliedVersion = applied.version();
        run.appliedDigest = applied.digest();
        run.requiredVersion = required.version;
        run.finding = applied.finding();
        run.compliant = applied.finding().compliant();
        run.persist();
        if (!run.compliant) {
            attachViolations(run);
            metrics.countAfterCommit(run.job(), run.finding);
            LOG.warnf("Training run %s of %s violates the exclusion list (%s, applied %s, required %d): %d tickets missed",
                    run.runId, run.job(), run.finding, run.appliedVersion, run.requiredVersion, run.missedTickets);
        } else {
            LOG.infof("Training run %s of %s applied exclusion snapshot %d (required %d)", run.runId, run.job(),
                    run.appliedVersion, run.requiredVersion);
        }
        return run;
    }

    /** Reads and checks the facet against the snapshot the run had to apply. */
    static Applied applied(Optional<JsonNode> facet, ExclusionSnapshot required) {
        if (facet.isEmpty()) {
            return new Applied(null, null, RunFinding.NO_FACET);
        }
        JsonNode version = facet.get().path("version");
        JsonNode digest = facet.get().path("digest");
        if (!version.canConvertToExactIntegral() || !version.canConvertToLong() || version.asLong() < 0
                || !digest.isTextual() || !SubjectHasher.HASH.matcher(digest.asText()).matches()) {
            return new Applied(null, null, RunFinding.INVALID_FACET);
        }
        long v = version.asLong();
        String d = digest.asText();
        Optional<ExclusionSnapshot> snapshot = ExclusionSnapshot.at(v);
        if (snapshot.isEmpty()) {
            return new Applied(v, d, RunFinding.UNKNOWN_VERSION);
        }
        if (!snapshot.get().digest.equals(d)) {
            return new Applied(v, d, RunFinding.DIGEST_MISMATCH);
        }
        // an older version holding the very same set (only lifts and re-adds in between) misses no one
        if (v < required.version && !snapshot.get().digest.equals(required.digest)) {
            return new Applied(v, d, RunFinding.STALE_SNAPSHOT);
        }
        return new Applied(v, d, RunFinding.COMPLIANT);
    }

    /**
     * The tickets whose exclusions the run missed: those active at the required version and, when the run
     * applied a known older snapshot, added after it; without a known snapshot, every active one.
     */
    private void attachViolations(TrainingRun run) {
        boolean known = run.finding.appliedKnown() && run.appliedVersion != null;
        List<Object[]> missed = em.createQuery("""
                        select e.ticketId, count(e) from TrainingExclusion e
                        where e.addedVersion <= :required and e.addedVersion > :applied
                          and (e.liftedVersion is null or e.liftedVersion > :required)
                        group by e.ticketId""", Object[].class)
                .setParameter("required", run.requiredVersion)
                .setParameter("applied", known ? run.appliedVersion : -1L)
                .getResultList();
        run.missedTickets = missed.size();
        if (missed.isEmpty()) {
            return;
        }
        List<UUID> ticketIds = missed.stream().map(r -> (UUID) r[0]).toList();
        // a bulk, versioned update: never fails on an officer's concurrent edit, and makes that edit retry
        em.createQuery("update versioned Ticket t set t.flagged = true where t.id in :ids")
                .setParameter("ids", ticketIds).executeUpdate();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("jobNamespace", run.jobNamespace);
        detail.put("jobName", run.jobName);
        detail.put("runId", run.runId);
        detail.put("runStartedAt", run.eventTime.toString());
        detail.put("finding", run.finding.name());
        detail.put("appliedVersion", run.appliedVersion);
        detail.put("requiredVersion", run.requiredVersion);
        for (Object[] row : missed) {
            TrainingRunViolation violation = new TrainingRunViolation();
            violation.trainingRunId = run.id;
            violation.ticketId = (UUID) row[0];
            violation.missedEntries = ((Number) row[1]).intValue();
            violation.persist();
            run.missedEntries += violation.missedEntries;
            Ticket ticket = em.find(Ticket.class, violation.ticketId);
            Map<String, Object> d = new LinkedHashMap<>(detail);
            d.put("missedEntries", violation.missedEntries);
            events.announce(ticket, VIOLATION_EVENT, null, d);
        }
    }
}
