package dev.rightsdesk.deadline;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.temporal.TemporalAdjusters.firstInMonth;
import static java.time.temporal.TemporalAdjusters.lastInMonth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A member state whose public holidays, with Saturdays and Sundays, end a period late (Reg. 1182/71 Art. 3(4)).
 * Each calendar is computed from its rules (movable feasts from Easter); sources are in ADR 0003.
 *
 * <p>Only nationwide holidays are listed, and only rules in force since the GDPR applied (2018); earlier years are
 * computed with today's rules. Sundays are never listed (Easter Sunday, Whit Sunday): they are not working days anyway.
 */
public enum MemberState {

    /**
     * Netherlands: the days of the Algemene termijnenwet Art. 3(1) and 3(2), which include Good Friday and 5 May every
     * year. Days a royal decree adds under Art. 3(3) for a single year (bridge days) are not included.
     */
    NL {
        @Override
        void addHolidays(int year, LocalDate easter, Set<LocalDate> days) {
            days.add(LocalDate.of(year, 1, 1));
            days.add(easter.minusDays(2));
            days.add(easter.plusDays(1));
            days.add(kingsDay(year));
            days.add(LocalDate.of(year, 5, 5));
            days.add(easter.plusDays(39));
            days.add(easter.plusDays(50));
            days.add(LocalDate.of(year, 12, 25));
            days.add(LocalDate.of(year, 12, 26));
        }
    },

    /** Belgium: the ten legal public holidays (Law of 4 January 1974, Royal Decree of 18 April 1974). */
    BE {
        @Override
        void addHolidays(int year, LocalDate easter, Set<LocalDate> days) {
            days.add(LocalDate.of(year, 1, 1));
            days.add(easter.plusDays(1));
            days.add(LocalDate.of(year, 5, 1));
            days.add(easter.plusDays(39));
            days.add(easter.plusDays(50));
            days.add(LocalDate.of(year, 7, 21));
            days.add(LocalDate.of(year, 8, 15));
            days.add(LocalDate.of(year, 11, 1));
            days.add(LocalDate.of(year, 11, 11));
            days.add(LocalDate.of(year, 12, 25));
        }
    },

    /** Germany: the nine holidays every Land observes; regional ones (Epiphany, Corpus Christi, ...) are left out. */
    DE {
        @Override
        void addHolidays(int year, LocalDate easter, Set<LocalDate> days) {
            days.add(LocalDate.of(year, 1, 1));
            days.add(easter.minusDays(2));
            days.add(easter.plusDays(1));
            days.add(LocalDate.of(year, 5, 1));
            days.add(easter.plusDays(39));
            days.add(easter.plusDays(50));
            days.add(LocalDate.of(year, 10, 3));
            days.add(LocalDate.of(year, 12, 25));
            days.add(LocalDate.of(year, 12, 26));
        }
    },

    /** France: the eleven jours fériés of Code du travail L3133-1; the Alsace-Moselle extras are left out. */
    FR {
        @Override
        void addHolidays(int year, LocalDate easter, Set<LocalDate> days) {
            days.add(LocalDate.of(year, 1, 1));
            days.add(easter.plusDays(1));
            days.add(LocalDate.of(year, 5, 1));
            days.add(LocalDate.of(year, 5, 8));
            days.add(easter.plusDays(39));
            days.add(easter.plusDays(50));
            days.add(LocalDate.of(year, 7, 14));
            days.add(LocalDate.of(year, 8, 15));
            days.add(LocalDate.of(year, 11, 1));
            days.add(LocalDate.of(year, 11, 11));
            days.add(LocalDate.of(year, 12, 25));
        }
    },

    /**
     * Ireland: the public holidays of the Organisation of Working Time Act 1997, Second Schedule, as amended in 2022.
     * A holiday on a weekend stays on its date: the Act gives employees a day in lieu, not a moved holiday.
     */
    IE {
        @Override
        void addHolidays(int year, LocalDate easter, Set<LocalDate> days) {
            days.add(LocalDate.of(year, 1, 1));
            if (year >= 2023) {
                days.add(stBrigidsDay(year));
            }
            days.add(LocalDate.of(year, 3, 17));
            if (year == 2022) {
                // once-off day of remembrance (S.I. 2022), the year before St Brigid's Day started
                days.add(LocalDate.of(2022, 3, 18));
            }
            days.add(easter.plusDays(1));
            days.add(firstMonday(year, Month.MAY));
            days.add(firstMonday(year, Month.JUNE));
            days.add(firstMonday(year, Month.AUGUST));
            days.add(LocalDate.of(year, Month.OCTOBER, 1).with(lastInMonth(MONDAY)));
            days.add(LocalDate.of(year, 12, 25));
            days.add(LocalDate.of(year, 12, 26));
        }
    };

    /** Adds this state's public holidays of {@code year}; {@code easter} is that year's Easter Sunday. */
    abstract void addHolidays(int year, LocalDate easter, Set<LocalDate> days);

    /**
     * The public holidays of {@code year}, in date order (weekends are not listed unless a holiday falls on one).
     *
     * @throws IllegalArgumentException for a year before the Gregorian calendar (1583)
     */
    public SortedSet<LocalDate> holidays(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        addHolidays(year, Easter.sunday(year), days);
        return Collections.unmodifiableSortedSet(days);
    }

    /** Whether {@code date} is one of this state's public holidays. */
    public boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).contains(date);
    }

    /** Whether a period may end on {@code date}: not a Saturday, a Sunday or a public holiday. */
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != SATURDAY && day != SUNDAY && !isHoliday(date);
    }

    /** {@code date} itself when it is a working day, else the next working day (Reg. 1182/71 Art. 3(4)). */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Koningsdag: 27 April, or the Saturday before when 27 April is a Sunday (the rule since 2014). */
    private static LocalDate kingsDay(int year) {
        LocalDate day = LocalDate.of(year, 4, 27);
        return day.getDayOfWeek() == SUNDAY ? day.minusDays(1) : day;
    }

    /** The first Monday of February, or 1 February itself when that is a Friday. */
    private static LocalDate stBrigidsDay(int year) {
        LocalDate first = LocalDate.of(year, 2, 1);
        return first.getDayOfWeek() == FRIDAY ? first : firstMonday(year, Month.FEBRUARY);
    }

    private static LocalDate firstMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(firstInMonth(MONDAY));
    }
}
