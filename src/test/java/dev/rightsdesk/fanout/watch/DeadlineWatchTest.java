package dev.rightsdesk.fanout.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.fanout.FanoutTestProfile;
import dev.rightsdesk.fanout.watch.DeadlineWatch;
import dev.rightsdesk.platform.outbox.OutboxEvent;
import dev.rightsdesk.testing.Requests;
import dev.rightsdesk.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The watch warns once per threshold, days ahead, about tickets whose systems have not all answered. */
@QuarkusTest
@TestProfile(FanoutTestProfile.class)
class DeadlineWatchTest {

    @Inject
    DeadlineWatch watch;

    @Test
    void warnsOncePerThresholdAndFlagsTheTicket() throws Exception {
        UUID ticketId = submit("deadline.watch@example.org");
        LocalDate due = ticket(ticketId).effectiveDue;

        runAt(due.minusDays(10));
        assertThat(warnings(ticketId)).isEmpty();
        assertThat(ticket(ticketId).flagged).isFalse();

        runAt(due.minusDays(7));
        runAt(due.minusDays(7));
        runAt(due.minusDays(5));
        assertThat(warnings(ticketId)).hasSize(1);
        assertThat(ticket(ticketId).flagged).isTrue();

        runAt(due.minusDays(2));
        runAt(due.minusDays(1));
        List<JsonNode> warnings = warnings(ticketId);
        assertThat(warnings).extracting(w -> w.path("detail").path("thresholdDays").asInt()).containsExactly(7, 2);
        JsonNode last = warnings.get(1).path("detail");
        assertThat(last.path("daysLeft").asInt()).isEqualTo(2);
        assertThat(last.path("effectiveDue").asText()).isEqualTo(due.toString());
        assertThat(last.path("openTasks")).hasSize(4);
        assertThat(last.path("openTasks").get(0).has("system")).isTrue();
        assertThat(last.toString()).doesNotContain("deadline.watch@example.org");
    }

    @Test
    void aTicketFirstSeenLateIsWarnedOnceAtTheNearestThreshold() throws Exception {
        UUID ticketId = submit("deadline.late@example.org");
        LocalDate due = ticket(ticketId).effectiveDue;
        runAt(due.plusDays(1));
        runAt(due.plusDays(2));
        assertThat(warnings(ticketId)).extracting(w -> w.path("detail").path("thresholdDays").asInt()).containsExactly(2);
    }

    /** One full round as of {@code today}; a round that found the lock taken (the scheduled one) is tried again. */
    private void runAt(LocalDate today) {
        await().atMost(Duration.ofSeconds(20)).until(() -> watch.runOnce(today) != -1);
    }

    static UUID submit(String email) {
        return Requests.access().email(email).submit();
    }

    static Ticket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(id));
    }

    static List<JsonNode> warnings(UUID ticketId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "key = ?1 and type = 'dev.rightsdesk.ticket.deadline-warning.v1' order by seq", ticketId.toString()));
        List<JsonNode> data = new java.util.ArrayList<>();
        for (OutboxEvent e : events) {
            data.add(json.readTree(e.payload).path("data"));
        }
        return data;
    }
}
