package dev.rightsdesk.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Counts the GDPR answer period (Art. 12(3)) the way Reg. 1182/71 counts periods: rules D1-D4 of LEGAL-RULES.
 * Pure and immutable: no framework, no system clock, so every date it gives can be checked by a plain test.
 */
public final class StatutoryClock {

    /** The answer period of Art. 12(3). */
    static final int MONTHS_TO_ANSWER = 1;
    /** The answer period plus the "two further months" of Art. 12(3), counted from receipt. */
    static final int MONTHS_TO_ANSWER_EXTENDED = 3;

    private final ZoneId zone;
    private final MemberState memberState;
    private final boolean rollForward;

    /**
     * @param zone        the controller's time zone; it decides the date of receipt (D1)
     * @param memberState whose public holidays move a due date (D3)
     * @param rollForward whether a due date on a weekend or public holiday moves to the next working day (D3)
     */
    public StatutoryClock(ZoneId zone, MemberState memberState, boolean rollForward) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.memberState = Objects.requireNonNull(memberState, "memberState");
        this.rollForward = rollForward;
    }

    public ZoneId zone() {
        return zone;
    }

    public MemberState memberState() {
        return memberState;
    }

    public boolean rollForward() {
        return rollForward;
    }

    /** The same clock counting with another member state's public holidays. */
    public StatutoryClock withMemberState(MemberState other) {
        return other == memberState ? this : new StatutoryClock(zone, other, rollForward);
    }

    /** The date {@code instant} falls on in the controller's zone (D1); also the way to get "today" for this clock. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The deadline of a request the intake accepted at {@code receivedAt} (D1-D4), not extended. */
    public Deadline deadlineFor(Instant receivedAt) {
        return deadlineFor(dateOf(Objects.requireNonNull(receivedAt, "receivedAt")));
    }

    /**
     * The deadline of a request received on {@code receivedOn}, a date in the controller's zone; for receipts known
     * only by their date, such as a letter.
     */
    public Deadline deadlineFor(LocalDate receivedOn) {
        Objects.requireNonNull(receivedOn, "receivedOn");
        // LocalDate.plusMonths keeps the day-of-month and clamps to the month's last day when it does not exist:
        // exactly Reg. 1182/71 Art. 3(2)(c) (31 Jan -> 28/29 Feb, never 2/3 Mar).
        LocalDate nominal = receivedOn.plusMonths(MONTHS_TO_ANSWER);
        // Counted from receipt, not from the first due date: 31 Jan gives 30 Apr, not 28 Feb + 2 months = 28 Apr.
        LocalDate extendedNominal = receivedOn.plusMonths(MONTHS_TO_ANSWER_EXTENDED);
        return new Deadline(receivedOn, nominal, rolled(nominal), extendedNominal, rolled(extendedNominal),
                memberState, zone, false);
    }

    /**
     * The deadline of a request whose extension was granted earlier, to rebuild it from what a ticket stores; the
     * grant itself goes through {@link #extend}.
     */
    public Deadline deadlineFor(Instant receivedAt, boolean extended) {
        Deadline deadline = deadlineFor(receivedAt);
        return extended ? deadline.withExtension() : deadline;
    }

    /**
     * Grants the extension of Art. 12(3) (D4): the request becomes due on {@link Deadline#extendedDue()}.
     * Allowed once, with a written reason, on or before the original due date (the rolled date, which is the legal
     * end of the period). The reason is the caller's to store and to tell the subject; it is never echoed here.
     *
     * @param today the decision's date in the controller's zone (see {@link #dateOf})
     * @throws ExtensionRefused {@code already-extended}, {@code extension-too-late} or
     *                          {@code extension-reason-required}, checked in that order
     */
    public Deadline extend(Deadline current, LocalDate today, String reason) {
        ExtensionRefused refused = extensionRefusal(current, today);
        if (refused != null) {
            throw refused;
        }
        if (reason == null || reason.isBlank()) {
            throw new ExtensionRefused("extension-reason-required", "An extension needs a reason",
                    "Art. 12(3) requires the reasons for the delay, which the subject must be told.", "reason");
        }
        return current.withExtension();
    }

    /**
     * Why an extension decided on {@code today} would be refused whatever the reason given ({@code already-extended},
     * {@code extension-too-late}); null when it may be granted. What the officer's screen offers asks this too.
     */
    public ExtensionRefused extensionRefusal(Deadline current, LocalDate today) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(today, "today");
        if (current.extended()) {
            return new ExtensionRefused("already-extended", "The deadline is already extended",
                    "Art. 12(3) allows one extension, to at most three months after receipt; it was granted before.", null);
        }
        if (today.isAfter(current.due())) {
            return new ExtensionRefused("extension-too-late", "The extension comes too late",
                    "An extension must be decided on or before the original due date, " + current.due() + ".", null);
        }
        return null;
    }

    /** Calendar days from {@code today} to {@code due}: 0 on the due date, negative once it has passed. */
    public long calendarDaysLeft(LocalDate today, LocalDate due) {
        return ChronoUnit.DAYS.between(today, due);
    }

    /**
     * Working days after {@code today} up to and including {@code due}: 0 on the due date (the last day is still
     * available), negative (working days late) once it has passed.
     */
    public long workingDaysLeft(LocalDate today, LocalDate due) {
        if (due.isBefore(today)) {
            return -workingDaysLeft(due, today);
        }
        long count = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(due); day = day.plusDays(1)) {
            if (memberState.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private LocalDate rolled(LocalDate nominal) {
        return rollForward ? memberState.workingDayOnOrAfter(nominal) : nominal;
    }

    @Override
    public String toString() {
        return "StatutoryClock[zone=" + zone + ", memberState=" + memberState + ", rollForward=" + rollForward + "]";
    }
}
