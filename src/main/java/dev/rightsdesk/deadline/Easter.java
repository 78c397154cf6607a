package dev.rightsdesk.deadline;

import java.time.LocalDate;

/**
 * Easter Sunday in the Gregorian calendar, the anchor of every movable public holiday.
 * Computed, not tabulated, so the holiday calendars never run out of years.
 */
public final class Easter {

    /** The first year of the Gregorian calendar; the algorithm is meaningless before it. */
    static final int FIRST_GREGORIAN_YEAR = 1583;

    private Easter() {
    }

    /**
     * Easter Sunday of {@code year} by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
     *
     * @throws IllegalArgumentException for a year before 1583
     */
    public static LocalDate sunday(int year) {
        if (year < FIRST_GREGORIAN_YEAR) {
            throw new IllegalArgumentException("Easter is computed for Gregorian years from 1583 only");
        }
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
