package dev.rightsdesk.intake.rest;

import dev.rightsdesk.deadline.Deadline;
import dev.rightsdesk.deadline.MemberState;
import java.time.LocalDate;

/** The statutory dates of one receipt, as the API shows them; dates are ISO {@code yyyy-MM-dd}. */
public record StatutoryDeadlineResponse(
        LocalDate receivedOn,
        LocalDate nominalDue,
        LocalDate due,
        LocalDate extendedNominalDue,
        LocalDate extendedDue,
        MemberState memberState,
        String zone) {

    static StatutoryDeadlineResponse of(Deadline deadline) {
        return new StatutoryDeadlineResponse(deadline.receivedOn(), deadline.nominalDue(), deadline.due(),
                deadline.extendedNominalDue(), deadline.extendedDue(), deadline.memberState(),
                deadline.zone().getId());
    }
}
