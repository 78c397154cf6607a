package dev.rightsdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.Problems;
import dev.rightsdesk.testing.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * TicketService refuses a move its table does not allow with 409 {@code illegal-transition}, as problem+json, and
 * leaves the ticket where it was; the invariants hold for every caller, not only the officer's API.
 */
@QuarkusTest
class TicketTransitionsTest {

    @Inject
    TicketService tickets;

    @Test
    void aMoveTheTableDoesNotAllowIsA409AndChangesNothing() {
        UUID id = Requests.access().submit();

        ProblemException refused = refusal(() -> tickets.move(tickets.get(id), TicketStatus.COMPLETED, "officer",
                "skipping the work", null, null));

        assertThat(refused).isNotNull();
        Response answer = Problems.response(refused);
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) answer.getEntity()).type()).endsWith("/illegal-transition");
        assertThat(QuarkusTransaction.requiringNew().call(() -> tickets.get(id).status))
                .isEqualTo(TicketStatus.IDENTITY_UNVERIFIED);
    }

    @Test
    void noCallerApprovesTwice() {
        UUID id = Requests.access().submit();
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket t = tickets.get(id);
            tickets.verify(t, TicketService.SUBJECT, "code confirmed");
            tickets.approve(t, "officer", "first");
        });

        ProblemException refused = refusal(() -> tickets.approve(tickets.get(id), "someone-else", "second"));
        assertThat(refused).isNotNull();
        assertThat(refused.type()).isEqualTo("not-pending-review");
        assertThat(QuarkusTransaction.requiringNew().call(() -> TicketStatusChange.count(
                "ticketId = ?1 and toStatus = ?2", id, TicketStatus.IN_PROGRESS))).isEqualTo(1);
    }

    /** Runs {@code work} in its own transaction; the problem that refused it (rolled back), or null. */
    private static ProblemException refusal(Runnable work) {
        try {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof ProblemException)) {
                cause = cause.getCause();
            }
            return (ProblemException) cause;
        }
    }
}
