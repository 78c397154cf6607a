package dev.rightsdesk.deadline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The statutory dates of one request: when it was received, when the answer is due, and when it would be due if
 * extended. The nominal dates are the internal targets; the due dates are what the law allows (D2-D4).
 *
 * @param receivedOn         the date of receipt in {@code zone}; the month runs from the day after it
 * @param nominalDue         receipt + 1 month (Reg. 1182/71 Art. 3(2)(c)), before any roll-forward
 * @param due                {@code nominalDue}, or the next working day when that is a weekend or public holiday
 * @param extendedNominalDue receipt + 3 months, before any roll-forward
 * @param extendedDue        {@code extendedNominalDue}, rolled forward like {@code due}
 * @param memberState        whose public holidays were used
 * @param zone               the controller's time zone in which {@code receivedOn} was taken
 * @param extended           whether the extension of Art. 12(3) has been granted
 */
public record Deadline(
        LocalDate receivedOn,
        LocalDate nominalDue,
        LocalDate due,
        LocalDate extendedNominalDue,
        LocalDate extendedDue,
        MemberState memberState,
        ZoneId zone,
        boolean extended) {

    public Deadline {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(nominalDue, "nominalDue");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(extendedNominalDue, "extendedNominalDue");
        Objects.requireNonNull(extendedDue, "extendedDue");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(zone, "zone");
    }

    /** The last day the answer may be given: {@link #extendedDue()} once extended, else {@link #due()}. */
    public LocalDate effectiveDue() {
        return extended ? extendedDue : due;
    }

    /** The internal target: the nominal counterpart of {@link #effectiveDue()}. */
    public LocalDate effectiveNominalDue() {
        return extended ? extendedNominalDue : nominalDue;
    }

    /** Whether the answer is late when it is still open at the end of {@code today} (a date in {@link #zone()}). */
    public boolean isOverdueOn(LocalDate today) {
        return today.isAfter(effectiveDue());
    }

    /** The same dates with the extension granted; validation is {@link StatutoryClock#extend}'s job. */
    Deadline withExtension() {
        return new Deadline(receivedOn, nominalDue, due, extendedNominalDue, extendedDue, memberState, zone, true);
    }
}
