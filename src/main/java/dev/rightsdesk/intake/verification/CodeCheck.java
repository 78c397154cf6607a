package dev.rightsdesk.intake.verification;

/**
 * The outcome of entering a code. Only {@link #ACCEPTED} confirms anything; the others tell the subject what
 * to do next without saying anything about the code's value.
 *
 * @param outcome      what happened
 * @param attemptsLeft wrong entries still allowed on this code (0 once it is dead)
 */
public record CodeCheck(Outcome outcome, int attemptsLeft) {

    /** What entering a code led to. */
    public enum Outcome {
        /** Correct, in time, first use: the code is now spent. */
        ACCEPTED,
        /** Not the code; {@link CodeCheck#attemptsLeft()} more tries before a new code is needed. */
        WRONG,
        /** Too many wrong entries: this code no longer works, a new one must be requested. */
        EXHAUSTED,
        /** Older than the validity period: a new one must be requested. */
        EXPIRED,
        /** No code is in force (never sent, already used, or replaced): a new one must be requested. */
        NONE
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** Whether the subject must ask for a new code before trying again. */
    public boolean needsNewCode() {
        return outcome == Outcome.EXHAUSTED || outcome == Outcome.EXPIRED || outcome == Outcome.NONE;
    }
}
