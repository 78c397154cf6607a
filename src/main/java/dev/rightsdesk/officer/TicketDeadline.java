package dev.rightsdesk.officer;

import dev.rightsdesk.deadline.Deadline;
import dev.rightsdesk.deadline.MemberState;
import dev.rightsdesk.ticket.Ticket;
import java.time.LocalDate;
import java.time.ZoneId;

/** A ticket's statutory dates as stored at receipt, and "today" in the zone they were counted in. */
public final class TicketDeadline {

    private TicketDeadline() {
    }

    /** Rebuilt from the stored dates, never recomputed: a later change of zone or calendar must not move them. */
    public static Deadline of(Ticket t) {
        return new Deadline(t.receivedOn, t.nominalDue, t.dueDate, t.extendedNominalDue, t.extendedDue,
                MemberState.valueOf(t.memberState), ZoneId.of(t.zone), t.extended);
    }

    public static LocalDate today(Ticket t) {
        return LocalDate.now(ZoneId.of(t.zone));
    }
}
