package dev.rightsdesk.officer.queue;

import dev.rightsdesk.ticket.TicketStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Calendar days from today to the effective due date, with its urgency and the words shown beside the colour:
 * "12 days left", "Due today", "Overdue by 3 days".
 */
public record DaysLeft(long days, Urgency urgency, String text) {

    public static DaysLeft of(LocalDate today, LocalDate due, TicketStatus status, int dueSoonDays) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (status.isClosed()) {
            return new DaysLeft(days, Urgency.CLOSED, "Closed");
        }
        if (days < 0) {
            return new DaysLeft(days, Urgency.OVERDUE, "Overdue by " + plural(-days));
        }
        String text = days == 0 ? "Due today" : plural(days) + " left";
        return new DaysLeft(days, days <= dueSoonDays ? Urgency.DUE_SOON : Urgency.ON_TRACK, text);
    }

    private static String plural(long days) {
        return days + (days == 1 ? " day" : " days");
    }
}
