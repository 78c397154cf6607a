package dev.rightsdesk.ai.lineage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of a registered training pipeline, as reported by OpenLineage, with the exclusion snapshot it
 * applied and whether that snapshot held every exclusion recorded before the run started.
 */
@Entity
@Table(name = "training_run")
public class TrainingRun extends PanacheEntityBase {

    @Id
    public UUID id;

    public String jobNamespace;
    public String jobName;

    /** OpenLineage {@code run.runId}. */
    public String runId;

    /** When the run started (the checked event's {@code eventTime}). */
    public Instant eventTime;

    public String firstEventType;
    public String lastEventType;
    public Instant lastEventTime;
    public Instant receivedAt;

    /** The snapshot version named by the run's {@code dsrExclusionSnapshot} facet, if any. */
    public Long appliedVersion;
    public String appliedDigest;

    /** The version in force at {@code eventTime - grace}: the least the run had to apply. */
    public long requiredVersion;

    public boolean compliant;

    @Enumerated(EnumType.STRING)
    public RunFinding finding;

    public int missedTickets;
    public int missedEntries;

    public static Optional<TrainingRun> find(String namespace, String name, String runId) {
        return find("jobNamespace = ?1 and jobName = ?2 and runId = ?3", namespace, name, runId).firstResultOptional();
    }

    /** Runs that started at or after {@code from} (and before {@code until}, if given), newest first. */
    public static List<TrainingRun> startedBetween(Instant from, Instant until, int limit) {
        if (until == null) {
            return find("eventTime >= ?1 order by eventTime desc", from).page(0, limit).list();
        }
        return find("eventTime >= ?1 and eventTime < ?2 order by eventTime desc", from, until).page(0, limit).list();
    }

    public String job() {
        return jobNamespace + "/" + jobName;
    }
}
