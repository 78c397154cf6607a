package dev.rightsdesk.intake;

import dev.rightsdesk.deadline.Deadline;
import dev.rightsdesk.ticket.Ticket;

/** Copies a computed statutory deadline onto a ticket. */
final class Deadlines {

    private Deadlines() {
    }

    static void apply(Ticket t, Deadline d) {
        t.receivedOn = d.receivedOn();
        t.memberState = String.valueOf(d.memberState());
        t.zone = String.valueOf(d.zone());
        t.nominalDue = d.nominalDue();
        t.dueDate = d.due();
        t.extendedNominalDue = d.extendedNominalDue();
        t.extendedDue = d.extendedDue();
        t.effectiveDue = d.due();
    }
}
