package dev.rightsdesk.ai.lineage;

import dev.rightsdesk.ai.exclusion.TrainingExclusion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the training runs prove for one ticket: each run of a registered pipeline that started while the
 * ticket's exclusion was in force, and whether it excluded the subject. Derived from the immutable run
 * records and entry versions rather than stored per (run, ticket), which would grow as runs times tickets.
 * For officers' views and the access answer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrainingRunEvidence {

    /** Default number of runs listed, newest first. */
    public static final int DEFAULT_LIMIT = 200;

    /** What one run did with the ticket's exclusion. */
    public enum Outcome {
        /** The run applied a snapshot holding the ticket's entries: evidence of exclusion. */
        EXCLUDED,
        /** The run missed them: a violation attached to the ticket. */
        MISSED,
        /** The exclusion was recorded within the grace period before the run: it was not yet required. */
        NOT_REQUIRED
    }

    /** One run as seen from a ticket, with a sentence an officer or the subject can read. */
    public record TicketRun(UUID trainingRunId, String jobNamespace, String jobName, String runId, Instant startedAt,
            Long appliedVersion, long requiredVersion, RunFinding finding, boolean runCompliant, Outcome outcome,
            String statement) {
    }

    public List<TicketRun> forTicket(UUID ticketId) {
        return forTicket(ticketId, DEFAULT_LIMIT);
    }

    /** Runs since the ticket's exclusion took effect (until it was lifted, if it was), newest first. */
    public List<TicketRun> forTicket(UUID ticketId, int limit) {
        List<TrainingExclusion> entries = TrainingExclusion.forTicket(ticketId);
        if (entries.isEmpty()) {
            return List.of();
        }
        Instant since = entries.stream().map(e -> e.since).min(Comparator.naturalOrder()).orElseThrow();
        Instant until = entries.stream().allMatch(e -> e.liftedAt != null)
                ? entries.stream().map(e -> e.liftedAt).max(Comparator.naturalOrder()).orElseThrow() : null;
        Set<UUID> missed = TrainingRunViolation.forTicket(ticketId).stream().map(v -> v.trainingRunId)
                .collect(Collectors.toSet());
        return TrainingRun.startedBetween(since, until, limit).stream()
                .map(run -> view(run, outcome(run, entries, missed))).toList();
    }

    /** Only the violations attached to the ticket (for flags and warnings). */
    public List<TicketRun> violations(UUID ticketId) {
        return forTicket(ticketId, Integer.MAX_VALUE).stream().filter(r -> r.outcome() == Outcome.MISSED).toList();
    }

    private static Outcome outcome(TrainingRun run, List<TrainingExclusion> entries, Set<UUID> missed) {
        if (missed.contains(run.id)) {
            return Outcome.MISSED;
        }
        if (run.finding.appliedKnown() && run.appliedVersion != null
                && entries.stream().anyMatch(e -> e.activeAt(run.appliedVersion))) {
            return Outcome.EXCLUDED;
        }
        return Outcome.NOT_REQUIRED;
    }

    private static TicketRun view(TrainingRun run, Outcome outcome) {
        String statement = switch (outcome) {
            case EXCLUDED -> "Excluded from run %s of job %s at %s (exclusion snapshot %d)"
                    .formatted(run.runId, run.job(), run.eventTime, run.appliedVersion);
            case MISSED -> "Run %s of job %s at %s did not apply this exclusion (%s)"
                    .formatted(run.runId, run.job(), run.eventTime, run.finding);
            case NOT_REQUIRED -> "Run %s of job %s at %s started within the grace period after the exclusion"
                    .formatted(run.runId, run.job(), run.eventTime);
        };
        return new TicketRun(run.id, run.jobNamespace, run.jobName, run.runId, run.eventTime, run.appliedVersion,
                run.requiredVersion, run.finding, run.compliant, outcome, statement);
    }
}
