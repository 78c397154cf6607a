package dev.rightsdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The holiday calendars and the Easter computation they hang on, checked against published dates. */
class MemberStateHolidaysTest {

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "1583, 1583-04-10",
            "1818, 1818-03-22", // earliest possible date
            "1943, 1943-04-25", // latest possible date
            "2008, 2008-03-23",
            "2011, 2011-04-24",
            "2019, 2019-04-21",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2038, 2038-04-25",
            "2049, 2049-04-18",
            "2100, 2100-03-28",
            "2285, 2285-03-22",
    })
    void easterSundayIsComputed(int year, LocalDate expected) {
        assertThat(Easter.sunday(year)).isEqualTo(expected);
    }

    @Test
    void easterIsRefusedBeforeTheGregorianCalendar() {
        assertThatThrownBy(() -> Easter.sunday(1582)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemberState.NL.holidays(1582)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void netherlandsFollowsTheAlgemeneTermijnenwet() {
        // Good Friday (Art. 3(2)) and 5 May (Art. 3(1)) count every year for deadlines.
        assertThat(dates(MemberState.NL, 2026)).containsExactly(
                "2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05",
                "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26");
    }

    @Test
    void belgiumHasItsTenLegalHolidays() {
        assertThat(dates(MemberState.BE, 2026)).containsExactly(
                "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
                "2026-07-21", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25");
    }

    @Test
    void germanyHasOnlyTheNationwideHolidays() {
        assertThat(dates(MemberState.DE, 2026)).containsExactly(
                "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26");
    }

    @Test
    void franceHasItsElevenJoursFeries() {
        assertThat(dates(MemberState.FR, 2026)).containsExactly(
                "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
                "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25");
    }

    @Test
    void irelandHasItsTenPublicHolidays() {
        assertThat(dates(MemberState.IE, 2026)).containsExactly(
                "2026-01-01", "2026-02-02", "2026-03-17", "2026-04-06", "2026-05-04",
                "2026-06-01", "2026-08-03", "2026-10-26", "2026-12-25", "2026-12-26");
    }

    @Test
    void movableFeastsFollowEaster() {
        // Easter 2027 is 28 March: Good Friday 26 Mar, Easter Monday 29 Mar, Ascension 6 May, Whit Monday 17 May.
        assertThat(dates(MemberState.DE, 2027)).contains("2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17");
        // Easter 2038 is 25 April: Whit Monday is already in June.
        assertThat(dates(MemberState.FR, 2038)).contains("2038-04-26", "2038-06-03", "2038-06-14");
    }

    @ParameterizedTest(name = "Koningsdag {0} is {1}")
    @CsvSource({
            "2024, 2024-04-27", // a Saturday: stays
            "2025, 2025-04-26", // 27 April is a Sunday: the Saturday before
            "2026, 2026-04-27",
            "2031, 2031-04-26",
    })
    void kingsDayMovesToSaturdayWhenTheTwentySeventhIsASunday(int year, LocalDate expected) {
        assertThat(MemberState.NL.holidays(year)).contains(expected).doesNotContain(LocalDate.of(year, 4, 28));
        assertThat(MemberState.NL.isHoliday(LocalDate.of(year, 4, 27))).isEqualTo(expected.getDayOfMonth() == 27);
    }

    @ParameterizedTest(name = "St Brigid''s Day {0} is {1}")
    @CsvSource({
            "2023, 2023-02-06", // the first one
            "2024, 2024-02-05",
            "2026, 2026-02-02",
            "2030, 2030-02-01", // 1 February is a Friday
            "2036, 2036-02-01", // 1 February is a Friday
    })
    void stBrigidsDayIsTheFirstMondayOfFebruaryUnlessTheFirstIsAFriday(int year, LocalDate expected) {
        assertThat(MemberState.IE.holidays(year).stream().filter(d -> d.getMonthValue() == 2))
                .containsExactly(expected);
    }

    @Test
    void irelandBefore2023HadNoFebruaryHolidayButAOnceOffDayIn2022() {
        assertThat(dates(MemberState.IE, 2022)).containsExactly(
                "2022-01-01", "2022-03-17", "2022-03-18", "2022-04-18", "2022-05-02",
                "2022-06-06", "2022-08-01", "2022-10-31", "2022-12-25", "2022-12-26");
        assertThat(MemberState.IE.isHoliday(LocalDate.of(2023, 3, 18))).isFalse();
    }

    @Test
    void aHolidayOnAWeekendStaysOnItsDate() {
        // St Patrick's Day 2024 is a Sunday; the Monday after is not a public holiday under the Act.
        assertThat(MemberState.IE.holidays(2024)).contains(LocalDate.of(2024, 3, 17));
        assertThat(MemberState.IE.isWorkingDay(LocalDate.of(2024, 3, 18))).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1} working day = {2}")
    @CsvSource({
            "NL, 2026-03-06, true",  // a plain Friday
            "NL, 2026-03-07, false", // Saturday
            "NL, 2026-03-08, false", // Sunday
            "NL, 2026-04-03, false", // Good Friday counts in NL...
            "BE, 2026-04-03, true",  // ...not in BE
            "FR, 2026-04-03, true",
            "IE, 2026-04-03, true",
            "DE, 2026-04-03, false",
            "NL, 2026-05-01, true",  // Labour Day is not a Dutch holiday
            "BE, 2026-05-01, false",
            "DE, 2026-10-03, false", // a Saturday anyway
            "DE, 2028-10-03, false",
            "NL, 2028-10-03, true",
            "FR, 2026-05-08, false",
            "DE, 2026-05-08, true",
            "IE, 2026-12-28, true",  // St Stephen's Day is on the Saturday, no substitute
    })
    void workingDays(MemberState state, LocalDate date, boolean expected) {
        assertThat(state.isWorkingDay(date)).isEqualTo(expected);
    }

    @Test
    void everyStateHasItsHolidayCountEveryYear() {
        for (int year = 2023; year <= 2058; year++) {
            assertThat(MemberState.NL.holidays(year)).as("NL %d", year).hasSize(9);
            assertThat(MemberState.BE.holidays(year)).as("BE %d", year).hasSize(10);
            assertThat(MemberState.DE.holidays(year)).as("DE %d", year).hasSize(9);
            assertThat(MemberState.FR.holidays(year)).as("FR %d", year).hasSize(11);
            assertThat(MemberState.IE.holidays(year)).as("IE %d", year).hasSize(10);
        }
    }

    @Test
    void twoFeastsOnOneDayAreOneHoliday() {
        // Easter 2059 is 30 March, so Ascension falls on 8 May: one non-working day, not two.
        assertThat(MemberState.FR.holidays(2059)).hasSize(10).contains(LocalDate.of(2059, 5, 8));
        assertThat(MemberState.FR.isWorkingDay(LocalDate.of(2059, 5, 9))).isTrue();
    }

    @Test
    void theCalendarCannotBeChangedByACaller() {
        assertThatThrownBy(() -> MemberState.NL.holidays(2026).add(LocalDate.of(2026, 6, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void workingDayOnOrAfterSkipsAChainOfHolidaysAndWeekend() {
        // Good Friday, Saturday, Easter Sunday, Easter Monday.
        assertThat(MemberState.NL.workingDayOnOrAfter(LocalDate.of(2026, 4, 3))).isEqualTo("2026-04-07");
        assertThat(MemberState.NL.workingDayOnOrAfter(LocalDate.of(2026, 4, 7))).isEqualTo("2026-04-07");
    }

    private static List<String> dates(MemberState state, int year) {
        return Stream.of(state.holidays(year).toArray(LocalDate[]::new)).map(LocalDate::toString)
                .collect(Collectors.toList());
    }
}
