package dev.rightsdesk.access;

import dev.rightsdesk.ai.access.AiAccessSection;
import dev.rightsdesk.ai.exclusion.ExclusionReason;
import dev.rightsdesk.ai.lineage.TrainingRunEvidence.Outcome;
import dev.rightsdesk.ai.remediation.RemediationState;
import dev.rightsdesk.intake.i18n.SubjectLocale;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The AI section of the report in words: the states of remediations, the reasons of exclusions and the outcome
 * of each training run, in the subject's language (package.json keeps the codes).
 */
public record AiReport(boolean empty, List<Exclusion> exclusions, List<Dataset> datasets, List<Model> models,
        List<Run> runs, String runSummary) {

    public record Exclusion(String reason, String since, String state) {
    }

    public record Dataset(String system, String dataset, String version, String removed, String excluded) {
    }

    public record Model(String system, String model, String version, String trainedOn, String remediation, String due,
            String evidence) {
    }

    public record Run(String job, String runId, String started, String outcome) {
    }

    static AiReport of(AiAccessSection ai, PackageText t, String lang, ZoneId zone) {
        List<Exclusion> exclusions = ai.exclusions().stream().map(x -> new Exclusion(reason(x.reason(), t),
                date(x.since(), lang, zone), x.active() ? t.exclusionActive() : t.exclusionLifted(date(x.liftedAt(), lang, zone))))
                .toList();
        List<Dataset> datasets = ai.trainingDatasets().stream().map(d -> new Dataset(d.system(), d.dataset(), d.version(),
                String.valueOf(d.recordsRemoved()), String.valueOf(d.recordsExcluded()))).toList();
        List<Model> models = ai.modelVersions().stream().map(m -> new Model(m.system(), m.model(), m.version(),
                String.join(", ", m.trainingDatasetVersions()),
                m.remediation() == null ? t.remNone() : remediation(m.remediation(), t),
                m.remediation() == null || m.remediation().dueDate() == null ? "-"
                        : SubjectLocale.date(m.remediation().dueDate(), lang),
                m.remediation() == null ? "-" : evidence(m.remediation(), t))).toList();
        List<Run> runs = ai.trainingRuns().stream().map(r -> new Run(r.job(), r.runId(), date(r.startedAt(), lang, zone),
                outcome(r.outcome(), t))).toList();
        var s = ai.runSummary();
        String summary = s == null ? "" : t.runSummary(String.valueOf(s.runs()), String.valueOf(s.excluded()),
                String.valueOf(s.missed()));
        return new AiReport(ai.isEmpty(), exclusions, datasets, models, runs, summary);
    }

    public boolean hasExclusions() {
        return !exclusions.isEmpty();
    }

    public boolean hasRuns() {
        return !runs.isEmpty();
    }

    private static String reason(ExclusionReason reason, PackageText t) {
        return switch (reason) {
            case ERASURE -> t.reasonErasure();
            case OBJECTION_21_1 -> t.reasonObjection();
            case OBJECTION_21_2 -> t.reasonObjectionMarketing();
        };
    }

    private static String remediation(AiAccessSection.Remediation r, PackageText t) {
        String state = state(r.state(), t);
        return r.state() == RemediationState.RESOLVED && r.remedy() != null ? t.remResolvedBy(state(r.remedy(), t)) : state;
    }

    private static String state(RemediationState s, PackageText t) {
        return switch (s) {
            case AFFECTED -> t.remAffected();
            case RETRAIN_SCHEDULED -> t.remRetrainScheduled();
            case RETRAINED -> t.remRetrained();
            case UNLEARNED -> t.remUnlearned();
            case RETIRED -> t.remRetired();
            case ANONYMITY_ASSESSED -> t.remAnonymityAssessed();
            case RESOLVED -> t.remResolved();
        };
    }

    private static String evidence(AiAccessSection.Remediation r, PackageText t) {
        if (r.newModelVersion() != null) {
            return t.evidenceNewVersion(r.newModelVersion(),
                    r.exclusionSnapshotVersion() == null ? "-" : String.valueOf(r.exclusionSnapshotVersion()));
        }
        return "-";
    }

    private static String outcome(Outcome o, PackageText t) {
        return switch (o) {
            case EXCLUDED -> t.runExcluded();
            case MISSED -> t.runMissed();
            case NOT_REQUIRED -> t.runNotRequired();
        };
    }

    private static String date(Instant at, String lang, ZoneId zone) {
        return at == null ? "-" : SubjectLocale.date(at.atZone(zone).toLocalDate(), lang);
    }
}
