package dev.rightsdesk.ai.remediation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the remediation of one model version trained on a subject's data stands: {@link #AFFECTED},
 * then a remedy, then {@link #RESOLVED}. {@link #canMoveTo} is the only place that decides the moves.
 */
public enum RemediationState {
    /** Reported by the registry as trained on the subject's data; nothing done yet. */
    AFFECTED,
    /** A retraining without the subject is scheduled (evidence: the date it is expected by). */
    RETRAIN_SCHEDULED,
    /** Retrained without the subject (evidence: the new model version and the exclusion snapshot its training applied). */
    RETRAINED,
    /** The subject's influence removed by machine unlearning (evidence: the new model version and the method). */
    UNLEARNED,
    /** The model version withdrawn from use. */
    RETIRED,
    /** Assessed as anonymous in the sense of EDPB Opinion 28/2024 (evidence: the assessment). */
    ANONYMITY_ASSESSED,
    /** The controller accepts the remedy as final. */
    RESOLVED;

    private static final Set<RemediationState> REMEDIES = EnumSet.of(RETRAINED, UNLEARNED, RETIRED, ANONYMITY_ASSESSED);

    private static final Map<RemediationState, Set<RemediationState>> NEXT = Map.of(
            AFFECTED, EnumSet.of(RETRAIN_SCHEDULED, RETRAINED, UNLEARNED, RETIRED, ANONYMITY_ASSESSED),
            RETRAIN_SCHEDULED, EnumSet.of(RETRAIN_SCHEDULED, RETRAINED, UNLEARNED, RETIRED, ANONYMITY_ASSESSED),
            RETRAINED, EnumSet.of(RESOLVED),
            UNLEARNED, EnumSet.of(RESOLVED),
            RETIRED, EnumSet.of(RESOLVED),
            ANONYMITY_ASSESSED, EnumSet.of(RESOLVED),
            RESOLVED, EnumSet.noneOf(RemediationState.class));

    public boolean canMoveTo(RemediationState next) {
        return NEXT.get(this).contains(next);
    }

    /** One of the four remedies (retrained, unlearned, retired, assessed anonymous). */
    public boolean isRemedy() {
        return REMEDIES.contains(this);
    }
}
