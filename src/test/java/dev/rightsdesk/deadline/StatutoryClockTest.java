package dev.rightsdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules D1-D4 of LEGAL-RULES: every expected date below was worked out by hand from a calendar. */
class StatutoryClockTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static StatutoryClock clock(MemberState state) {
        return new StatutoryClock(AMSTERDAM, state, true);
    }

    @ParameterizedTest(name = "{0}: received {1} -> nominal {2}, due {3}")
    @CsvSource({
            // LEGAL-RULES D2 examples
            "NL, 2026-03-05, 2026-04-05, 2026-04-07", // Easter Sunday, then Easter Monday
            "NL, 2026-03-31, 2026-04-30, 2026-04-30", // April has no 31st
            "NL, 2026-01-30, 2026-02-28, 2026-03-02", // last day of February, a Saturday
            "NL, 2028-01-31, 2028-02-29, 2028-02-29", // leap year
            // month ends and leap years
            "NL, 2026-01-31, 2026-02-28, 2026-03-02",
            "NL, 2024-01-29, 2024-02-29, 2024-02-29",
            "NL, 2024-01-31, 2024-02-29, 2024-02-29",
            "NL, 2100-01-29, 2100-02-28, 2100-03-01", // 2100 is not a leap year; the 28th is a Sunday
            "NL, 2100-01-31, 2100-02-28, 2100-03-01",
            "NL, 2026-02-28, 2026-03-28, 2026-03-30", // same day-of-month, not end of month
            "NL, 2024-02-29, 2024-03-29, 2024-04-02", // Good Friday, weekend, Easter Monday
            "NL, 2023-02-28, 2023-03-28, 2023-03-28",
            "NL, 2026-05-31, 2026-06-30, 2026-06-30",
            "NL, 2026-08-31, 2026-09-30, 2026-09-30",
            "NL, 2026-10-31, 2026-11-30, 2026-11-30",
            "NL, 2026-12-31, 2027-01-31, 2027-02-01", // over the year end, onto a Sunday
            // every Dutch holiday (Algemene termijnenwet) as a due date
            "NL, 2025-12-01, 2026-01-01, 2026-01-02", // New Year
            "NL, 2026-03-03, 2026-04-03, 2026-04-07", // Good Friday, weekend, Easter Monday
            "NL, 2026-03-06, 2026-04-06, 2026-04-07", // Easter Monday
            "NL, 2026-03-27, 2026-04-27, 2026-04-28", // Koningsdag on a Monday
            "NL, 2026-04-05, 2026-05-05, 2026-05-06", // 5 May
            "NL, 2026-04-14, 2026-05-14, 2026-05-15", // Ascension
            "NL, 2026-04-25, 2026-05-25, 2026-05-26", // Whit Monday
            "NL, 2026-11-25, 2026-12-25, 2026-12-28", // Christmas on a Friday, Boxing Day on Saturday
            "NL, 2028-11-26, 2028-12-26, 2028-12-27", // Boxing Day on a Tuesday
            "NL, 2027-04-05, 2027-05-05, 2027-05-07", // 5 May then Ascension on the 6th
            // Belgium
            "BE, 2025-12-01, 2026-01-01, 2026-01-02",
            "BE, 2026-03-06, 2026-04-06, 2026-04-07", // Easter Monday
            "BE, 2026-04-01, 2026-05-01, 2026-05-04", // 1 May on a Friday, then the weekend
            "BE, 2026-04-14, 2026-05-14, 2026-05-15", // Ascension
            "BE, 2026-04-25, 2026-05-25, 2026-05-26", // Whit Monday
            "BE, 2026-06-21, 2026-07-21, 2026-07-22", // National Day
            "BE, 2028-07-15, 2028-08-15, 2028-08-16", // Assumption
            "BE, 2027-10-01, 2027-11-01, 2027-11-02", // All Saints
            "BE, 2026-10-11, 2026-11-11, 2026-11-12", // Armistice
            "BE, 2026-11-25, 2026-12-25, 2026-12-28", // Christmas
            // Germany
            "DE, 2025-12-01, 2026-01-01, 2026-01-02",
            "DE, 2026-03-03, 2026-04-03, 2026-04-07", // Good Friday
            "DE, 2026-03-06, 2026-04-06, 2026-04-07", // Easter Monday
            "DE, 2026-04-01, 2026-05-01, 2026-05-04", // 1 May
            "DE, 2026-04-14, 2026-05-14, 2026-05-15", // Ascension
            "DE, 2026-04-25, 2026-05-25, 2026-05-26", // Whit Monday
            "DE, 2028-09-03, 2028-10-03, 2028-10-04", // German Unity Day
            "DE, 2026-11-25, 2026-12-25, 2026-12-28", // Christmas
            "DE, 2028-11-26, 2028-12-26, 2028-12-27", // second day of Christmas
            // France
            "FR, 2025-12-01, 2026-01-01, 2026-01-02",
            "FR, 2026-03-06, 2026-04-06, 2026-04-07", // Easter Monday
            "FR, 2026-04-01, 2026-05-01, 2026-05-04", // 1 May
            "FR, 2026-04-08, 2026-05-08, 2026-05-11", // 8 May on a Friday
            "FR, 2026-04-14, 2026-05-14, 2026-05-15", // Ascension
            "FR, 2026-04-25, 2026-05-25, 2026-05-26", // Whit Monday
            "FR, 2026-06-14, 2026-07-14, 2026-07-15", // 14 July
            "FR, 2028-07-15, 2028-08-15, 2028-08-16", // Assumption
            "FR, 2027-10-01, 2027-11-01, 2027-11-02", // All Saints
            "FR, 2026-10-11, 2026-11-11, 2026-11-12", // Armistice
            "FR, 2026-11-25, 2026-12-25, 2026-12-28", // Christmas
            // Ireland
            "IE, 2025-12-01, 2026-01-01, 2026-01-02",
            "IE, 2026-01-02, 2026-02-02, 2026-02-03", // St Brigid's Day, first Monday of February
            "IE, 2030-01-01, 2030-02-01, 2030-02-04", // St Brigid's Day on 1 February, a Friday
            "IE, 2026-02-17, 2026-03-17, 2026-03-18", // St Patrick's Day
            "IE, 2022-02-17, 2022-03-17, 2022-03-21", // St Patrick's, the 2022 once-off day, weekend
            "IE, 2026-03-06, 2026-04-06, 2026-04-07", // Easter Monday
            "IE, 2026-04-04, 2026-05-04, 2026-05-05", // May bank holiday
            "IE, 2026-05-01, 2026-06-01, 2026-06-02", // June bank holiday
            "IE, 2026-07-03, 2026-08-03, 2026-08-04", // August bank holiday
            "IE, 2026-09-26, 2026-10-26, 2026-10-27", // October bank holiday
            "IE, 2028-11-25, 2028-12-25, 2028-12-27", // Christmas, then St Stephen's Day
            "IE, 2028-11-26, 2028-12-26, 2028-12-27", // St Stephen's Day
            // the same nominal date is a working day elsewhere
            "DE, 2026-03-27, 2026-04-27, 2026-04-27", // Koningsdag is Dutch
            "DE, 2026-04-05, 2026-05-05, 2026-05-05", // so is 5 May
            "BE, 2026-03-03, 2026-04-03, 2026-04-03", // Good Friday is not Belgian
            "IE, 2026-03-03, 2026-04-03, 2026-04-03", // nor Irish
            "NL, 2026-04-01, 2026-05-01, 2026-05-01", // 1 May is not Dutch
            "DE, 2026-04-08, 2026-05-08, 2026-05-08", // 8 May is French
            "NL, 2026-02-17, 2026-03-17, 2026-03-17", // 17 March is Irish
    })
    void oneMonthRolledToTheNextWorkingDay(MemberState state, LocalDate receivedOn, LocalDate nominal, LocalDate due) {
        Deadline deadline = clock(state).deadlineFor(receivedOn);

        assertThat(deadline.receivedOn()).isEqualTo(receivedOn);
        assertThat(deadline.nominalDue()).isEqualTo(nominal);
        assertThat(deadline.due()).isEqualTo(due);
        assertThat(deadline.memberState()).isEqualTo(state);
        assertThat(deadline.extended()).isFalse();
        assertThat(deadline.effectiveDue()).isEqualTo(due);
    }

    @ParameterizedTest(name = "received {0} -> extended nominal {1}, extended due {2}")
    @CsvSource({
            "2026-03-05, 2026-06-05, 2026-06-05",
            "2026-01-30, 2026-04-30, 2026-04-30",
            "2026-01-31, 2026-04-30, 2026-04-30", // from receipt: not 28 Feb + 2 months = 28 Apr
            "2025-11-30, 2026-02-28, 2026-03-02", // clamped to February's end, then a Saturday
            "2027-11-30, 2028-02-29, 2028-02-29", // leap year
            "2099-11-30, 2100-02-28, 2100-03-01", // 2100 is not a leap year
            "2028-01-31, 2028-04-30, 2028-05-01", // a Sunday; 1 May is no Dutch holiday
            "2026-02-14, 2026-05-14, 2026-05-15", // Ascension
            "2026-02-25, 2026-05-25, 2026-05-26", // Whit Monday
            "2026-09-25, 2026-12-25, 2026-12-28", // Christmas, Boxing Day, Sunday
            "2026-10-31, 2027-01-31, 2027-02-01",
    })
    void extendedDeadlineIsThreeMonthsFromReceipt(LocalDate receivedOn, LocalDate nominal, LocalDate due) {
        Deadline deadline = clock(MemberState.NL).deadlineFor(receivedOn);

        assertThat(deadline.extendedNominalDue()).isEqualTo(nominal);
        assertThat(deadline.extendedDue()).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} in {1} was received on {2}")
    @CsvSource({
            "2026-03-04T23:30:00Z, Europe/Amsterdam, 2026-03-05", // 00:30 CET
            "2026-03-04T22:59:59Z, Europe/Amsterdam, 2026-03-04", // 23:59:59 CET
            "2026-07-14T22:30:00Z, Europe/Amsterdam, 2026-07-15", // 00:30 CEST
            "2026-07-14T21:59:59Z, Europe/Amsterdam, 2026-07-14", // 23:59:59 CEST
            "2026-03-28T23:00:00Z, Europe/Amsterdam, 2026-03-29", // midnight on the night clocks go forward
            "2026-10-24T22:00:00Z, Europe/Amsterdam, 2026-10-25", // midnight on the night clocks go back
            "2026-03-04T23:30:00Z, Europe/Dublin, 2026-03-04",    // GMT in winter
            "2026-07-14T23:30:00Z, Europe/Dublin, 2026-07-15",    // IST in summer
    })
    void theDateOfReceiptIsTakenInTheControllersZone(Instant receivedAt, ZoneId zone, LocalDate receivedOn) {
        Deadline deadline = new StatutoryClock(zone, MemberState.NL, true).deadlineFor(receivedAt);

        assertThat(deadline.receivedOn()).isEqualTo(receivedOn);
        assertThat(deadline.nominalDue()).isEqualTo(receivedOn.plusMonths(1));
        assertThat(deadline.zone()).isEqualTo(zone);
    }

    @Test
    void aReceiptJustAfterMidnightInAmsterdamCountsFromTheNextDay() {
        Deadline deadline = clock(MemberState.NL).deadlineFor(Instant.parse("2026-03-04T23:30:00Z"));

        assertThat(deadline.receivedOn()).isEqualTo("2026-03-05");
        assertThat(deadline.nominalDue()).isEqualTo("2026-04-05");
        assertThat(deadline.due()).isEqualTo("2026-04-07");
        assertThat(deadline.extendedDue()).isEqualTo("2026-06-05");
    }

    @ParameterizedTest(name = "received {0}: without roll-forward due stays {1}, extended {2}")
    @CsvSource({
            "2026-01-30, 2026-02-28, 2026-04-30",
            "2026-03-05, 2026-04-05, 2026-06-05",
            "2026-03-27, 2026-04-27, 2026-06-27",
            "2025-11-30, 2025-12-30, 2026-02-28",
    })
    void withoutRollForwardTheDueDateIsTheNominalOne(LocalDate receivedOn, LocalDate due, LocalDate extendedDue) {
        Deadline deadline = new StatutoryClock(AMSTERDAM, MemberState.NL, false).deadlineFor(receivedOn);

        assertThat(deadline.due()).isEqualTo(deadline.nominalDue()).isEqualTo(due);
        assertThat(deadline.extendedDue()).isEqualTo(deadline.extendedNominalDue()).isEqualTo(extendedDue);
    }

    @Test
    void anExtensionBeforeTheDueDateMovesTheEffectiveDueDate() {
        StatutoryClock clock = clock(MemberState.NL);
        Deadline deadline = clock.deadlineFor(LocalDate.of(2026, 3, 5));

        Deadline extended = clock.extend(deadline, LocalDate.of(2026, 3, 20), "Forty connected systems to search");

        assertThat(extended.extended()).isTrue();
        assertThat(extended.effectiveDue()).isEqualTo("2026-06-05");
        assertThat(extended.effectiveNominalDue()).isEqualTo("2026-06-05");
        assertThat(extended.due()).isEqualTo("2026-04-07"); // the original stays on record
        assertThat(extended.isOverdueOn(LocalDate.of(2026, 4, 8))).isFalse();
    }

    @ParameterizedTest(name = "extension decided on {0} is allowed")
    @CsvSource({
            "2026-04-05", // the nominal due date, a Sunday
            "2026-04-07", // the rolled due date itself: the period ends at the end of that day
    })
    void anExtensionOnTheDueDateIsAllowed(LocalDate today) {
        StatutoryClock clock = clock(MemberState.NL);
        Deadline deadline = clock.deadlineFor(LocalDate.of(2026, 3, 5));

        assertThat(clock.extend(deadline, today, "complex request").effectiveDue()).isEqualTo("2026-06-05");
    }

    @Test
    void anExtensionAfterTheDueDateIsRefused() {
        StatutoryClock clock = clock(MemberState.NL);
        Deadline deadline = clock.deadlineFor(LocalDate.of(2026, 3, 5));

        assertThatThrownBy(() -> clock.extend(deadline, LocalDate.of(2026, 4, 8), "complex request"))
                .isInstanceOfSatisfying(ExtensionRefused.class, e -> {
                    assertThat(e.rule()).isEqualTo("extension-too-late");
                    assertThat(e.getMessage()).contains("2026-04-07");
                });
    }

    @Test
    void withoutRollForwardTheLastDayForAnExtensionIsTheNominalOne() {
        StatutoryClock clock = new StatutoryClock(AMSTERDAM, MemberState.NL, false);
        Deadline deadline = clock.deadlineFor(LocalDate.of(2026, 3, 5));

        assertThatThrownBy(() -> clock.extend(deadline, LocalDate.of(2026, 4, 6), "complex request"))
                .isInstanceOfSatisfying(ExtensionRefused.class,
                        e -> assertThat(e.rule()).isEqualTo("extension-too-late"));
    }

    @ParameterizedTest(name = "reason [{0}] is refused")
    @CsvSource(value = {"''", "'   '", "NULL"}, nullValues = "NULL")
    void anExtensionWithoutAReasonIsRefused(String reason) {
        StatutoryClock clock = clock(MemberState.NL);
        Deadline deadline = clock.deadlineFor(LocalDate.of(2026, 3, 5));

        assertThatThrownBy(() -> clock.extend(deadline, LocalDate.of(2026, 3, 20), reason))
                .isInstanceOfSatisfying(ExtensionRefused.class, e -> {
                    assertThat(e.rule()).isEqualTo("extension-reason-required");
                    assertThat(e.field()).isEqualTo("reason");
                });
    }

    @Test
    void aSecondExtensionIsRefused() {
        StatutoryClock clock = clock(MemberState.NL);
        Deadline extended = clock.extend(clock.deadlineFor(LocalDate.of(2026, 3, 5)), LocalDate.of(2026, 3, 20),
                "complex request");

        assertThatThrownBy(() -> clock.extend(extended, LocalDate.of(2026, 3, 21), "still complex"))
                .isInstanceOfSatisfying(ExtensionRefused.class, e -> {
                    assertThat(e.rule()).isEqualTo("already-extended");
                });
    }

    @Test
    void anExtendedDeadlineCanBeRebuiltFromTheReceiptInstant() {
        Deadline deadline = clock(MemberState.NL).deadlineFor(Instant.parse("2026-03-05T10:15:30Z"), true);

        assertThat(deadline.extended()).isTrue();
        assertThat(deadline.effectiveDue()).isEqualTo("2026-06-05");
    }

    @ParameterizedTest(name = "{0}: from {1} to {2}: {3} calendar, {4} working days left")
    @CsvSource({
            "NL, 2026-04-02, 2026-04-07, 5, 1",  // Good Friday, weekend, Easter Monday in between
            "DE, 2026-04-02, 2026-04-07, 5, 1",
            "BE, 2026-04-02, 2026-04-07, 5, 2",  // Good Friday is a working day in Belgium
            "NL, 2026-04-07, 2026-04-07, 0, 0",  // the last day is still open
            "NL, 2026-04-08, 2026-04-07, -1, -1",
            "NL, 2026-04-13, 2026-04-07, -6, -4",
            "NL, 2026-03-05, 2026-04-07, 33, 21",
    })
    void daysLeft(MemberState state, LocalDate today, LocalDate due, long calendar, long working) {
        StatutoryClock clock = clock(state);

        assertThat(clock.calendarDaysLeft(today, due)).isEqualTo(calendar);
        assertThat(clock.workingDaysLeft(today, due)).isEqualTo(working);
    }

    @Test
    void anotherMemberStateKeepsZoneAndRollForward() {
        StatutoryClock dutch = new StatutoryClock(AMSTERDAM, MemberState.NL, false);
        StatutoryClock german = dutch.withMemberState(MemberState.DE);

        assertThat(german.memberState()).isEqualTo(MemberState.DE);
        assertThat(german.zone()).isEqualTo(AMSTERDAM);
        assertThat(german.rollForward()).isFalse();
        assertThat(dutch.withMemberState(MemberState.NL)).isSameAs(dutch);
    }
}
