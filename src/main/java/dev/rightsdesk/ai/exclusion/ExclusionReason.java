package dev.rightsdesk.ai.exclusion;

/** Why a subject is on the training-exclusion list. */
public enum ExclusionReason {
    /** Art. 17: an erasure request; the subject never again goes into training. */
    ERASURE,
    /** Art. 21(1): objection to processing on legitimate interest; restricted while assessed (Art. 18(1)(d)). */
    OBJECTION_21_1,
    /** Art. 21(2)/(3): objection to direct marketing (including profiling for it); absolute. */
    OBJECTION_21_2
}
