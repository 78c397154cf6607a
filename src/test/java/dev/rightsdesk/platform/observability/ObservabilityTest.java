package dev.rightsdesk.platform.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.platform.outbox.OutboxRelay;
import dev.rightsdesk.testing.Requests;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The product metrics at /q/metrics and the outbox readiness check, against the real engines. */
@QuarkusTest
class ObservabilityTest {

    @Inject
    Metrics metrics;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;
    @Inject
    TicketEvents ticketEvents;

    static String submit() {
        return Requests.access().email("obs@example.org").submit().toString();
    }

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the sample whose name and labels start with {@code series}, or -1 when absent. */
    static double value(String body, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "[^ ]* ([0-9.eE+-]+|NaN)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void ticketsAreCountedByStatusAndTypeAndOverdueOnesSeparately() {
        String gauge = "rightsdesk_tickets{status=\"IDENTITY_UNVERIFIED\",type=\"ACCESS\"}";
        String before = scrape();
        double unverified = value(before, gauge);
        double overdue = value(before, "rightsdesk_tickets_overdue");
        double atRisk = value(before, "rightsdesk_tickets_at_risk");
        assertThat(unverified).isGreaterThanOrEqualTo(0);
        assertThat(overdue).isGreaterThanOrEqualTo(0);

        String late = submit();
        String soon = submit();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE ticket SET effective_due = ?1 WHERE id = ?2")
                    .setParameter(1, LocalDate.now().minusDays(3)).setParameter(2, UUID.fromString(late)).executeUpdate();
            em.createNativeQuery("UPDATE ticket SET effective_due = ?1 WHERE id = ?2")
                    .setParameter(1, LocalDate.now().plusDays(2)).setParameter(2, UUID.fromString(soon)).executeUpdate();
        });
        String after = scrape();
        assertThat(value(after, gauge)).isEqualTo(unverified + 2);
        assertThat(value(after, "rightsdesk_tickets_overdue")).isEqualTo(overdue + 1);
        assertThat(value(after, "rightsdesk_tickets_at_risk")).isEqualTo(atRisk + 1);
        assertThat(after).contains("rightsdesk_outbox_pending ", "rightsdesk_outbox_oldest_pending_age_seconds ");
    }

    @Test
    void taskRoundTripsRetriesEscalationsAreExposed() {
        metrics.taskRoundTrip("obs-system", Duration.ofSeconds(2));
        String id = submit();
        double escalations = Math.max(0, value(scrape(), "rightsdesk_escalations_total{kind=\"task\"}"));
        // retries and escalations are counted from the committed ticket events that announce them
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket ticket = Ticket.findById(UUID.fromString(id));
            ticketEvents.announce(ticket, "task-resent", ticket.status, java.util.Map.of("system", "obs-system"));
            ticketEvents.announce(ticket, "task-escalated", ticket.status, java.util.Map.of("system", "obs-system"));
        });
        metrics.escalated("obs-kind");
        String body = scrape();
        assertThat(value(body, "rightsdesk_task_round_trip_seconds_count{system=\"obs-system\"}")).isEqualTo(1);
        assertThat(value(body, "rightsdesk_task_round_trip_seconds_sum{system=\"obs-system\"}")).isEqualTo(2);
        assertThat(body).contains("rightsdesk_task_round_trip_seconds_bucket{system=\"obs-system\"");
        assertThat(value(body, "rightsdesk_task_retries_total{system=\"obs-system\"}")).isEqualTo(1);
        assertThat(value(body, "rightsdesk_escalations_total{kind=\"obs-kind\"}")).isEqualTo(1);
        assertThat(value(body, "rightsdesk_escalations_total{kind=\"task\"}")).isEqualTo(escalations + 1);
    }

    @Test
    void everyDeadLetteredRecordIsCounted() {
        String series = "rightsdesk_dlq_records_total{topic=\"dsr.task-results.dlq\"}";
        double before = Math.max(0, value(scrape(), series));
        TopicReader.send("dsr.task-results.dlq", "k", "{\"poison\": true}");
        await().atMost(Duration.ofSeconds(30)).until(() -> value(scrape(), series) >= before + 1);
    }

    @Test
    void readinessHasDatabaseKafkaAndOutboxChecksAndReportsAStuckOutbox() {
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getList("checks.name", String.class)).contains(OutboxLagCheck.NAME);
        assertThat(ready.getList("checks.name", String.class).toString()).containsIgnoringCase("database")
                .containsIgnoringCase("kafka");
        relay.pause();
        try {
            submit();
            // events wait in the outbox beyond the threshold (5 s in tests): readiness says so, intake still accepts
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 503);
            JsonPath down = given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
            assertThat(down.getString("checks.find { it.name == '" + OutboxLagCheck.NAME + "' }.status")).isEqualTo("DOWN");
            submit();
        } finally {
            relay.resume();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
