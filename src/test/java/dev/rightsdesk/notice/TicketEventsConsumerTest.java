package dev.rightsdesk.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.testing.Requests;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.TicketEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The notice consumer applies each ticket event once, however often it is delivered. */
@QuarkusTest
class TicketEventsConsumerTest {

    static String submit() {
        return Requests.access().email("notice@example.org").submit().toString();
    }

    static long notices(UUID ticketId, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> SubjectNotice.count("ticketId = ?1 and kind = ?2", ticketId, kind));
    }

    @Test
    void aTicketEventSeenTwiceHasOneEffect() {
        UUID id = UUID.fromString(submit());
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(id, "received") == 1);
        String original = TopicReader.readUntil(TicketEvents.TOPIC, Duration.ofSeconds(30),
                        records -> records.stream().anyMatch(r -> id.toString().equals(r.key())))
                .stream().filter(r -> id.toString().equals(r.key())).findFirst().orElseThrow().value();

        // Redeliver the very same event twice, as an at-least-once producer may.
        TopicReader.send(TicketEvents.TOPIC, id.toString(), original);
        TopicReader.send(TicketEvents.TOPIC, id.toString(), original);
        // A later, distinct event proves the consumer has read past the duplicates.
        String marker = original.replaceFirst("\"id\":\"[0-9a-f-]+\"", "\"id\":\"" + UUID.randomUUID() + "\"")
                .replace("dev.rightsdesk.ticket.received.v1", "dev.rightsdesk.ticket.extended.v1");
        TopicReader.send(TicketEvents.TOPIC, id.toString(), marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> notices(id, "extended") == 1);
        assertThat(notices(id, "received")).isEqualTo(1);
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheChannelStaysUp() {
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicReader.send(TicketEvents.TOPIC, poisonKey, "{not json");
        var dlq = TopicReader.readUntil("dsr.ticket-events.dlq", Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> poisonKey.equals(r.key())));
        assertThat(dlq).anyMatch(r -> poisonKey.equals(r.key()));

        UUID id = UUID.fromString(submit());
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(id, "received") == 1);
    }
}
