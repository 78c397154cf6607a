package dev.rightsdesk.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.testing.Requests;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Ticket events reach the real broker, in order per ticket, and survive a stopped relay. */
@QuarkusTest
class OutboxRelayTest {

    static final String EMAIL = "outbox-canary@example.org";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;

    @Inject
    TicketService tickets;

    static String submit() {
        return Requests.access().email(EMAIL).name("Canary Name").submit().toString();
    }

    static List<ConsumerRecord<String, String>> eventsFor(Set<String> ticketIds, int atLeastEach) {
        return TopicReader.readUntil(TicketEvents.TOPIC, Duration.ofSeconds(30), records -> ticketIds.stream()
                .allMatch(id -> records.stream().filter(r -> id.equals(r.key())).count() >= atLeastEach))
                .stream().filter(r -> ticketIds.contains(r.key())).collect(Collectors.toList());
    }

    @Test
    void everyTicketCreatedIsAnnouncedAsACloudEventWithoutPersonalData() throws Exception {
        String id = submit();
        List<ConsumerRecord<String, String>> records = eventsFor(Set.of(id), 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.value()).doesNotContain(EMAIL).doesNotContain("Canary Name");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo("dev.rightsdesk.ticket.received.v1");
        assertThat(event.path("subject").asText()).isEqualTo(id);
        assertThat(event.path("source").asText()).isEqualTo("/rightsdesk");
        assertThat(event.path("data").path("ticketId").asText()).isEqualTo(id);
        assertThat(event.path("data").path("status").asText()).isEqualTo("IDENTITY_UNVERIFIED");
        assertThat(UUID.fromString(event.path("id").asText())).isNotNull();
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
        UUID eventId = UUID.fromString(event.path("id").asText());
        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.find("id", eventId).firstResult());
        assertThat(row.publishedAt).isNotNull();
    }

    @Test
    void eventsOfOneTicketArriveInOrder() {
        String id = submit();
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket t = Ticket.findById(UUID.fromString(id));
            tickets.verify(t, "subject", "code confirmed");
        });
        List<String> types = eventsFor(Set.of(id), 2).stream()
                .map(r -> r.headers().lastHeader("ce_type"))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8))
                .collect(Collectors.toList());
        assertThat(types).containsExactly("dev.rightsdesk.ticket.received.v1", "dev.rightsdesk.ticket.verified.v1");
    }

    @Test
    void eventsWrittenWhileTheRelayWasStoppedAreDeliveredAfterRestart() {
        relay.pause();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                ids.add(submit());
            }
            long pending = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                    "publishedAt is null and key in ?1", ids));
            assertThat(pending).isEqualTo(5);
        } finally {
            relay.resume();
        }
        List<ConsumerRecord<String, String>> records = eventsFor(Set.copyOf(ids), 1);
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(ids);
        long stillPending = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "publishedAt is null and key in ?1", ids));
        assertThat(stillPending).isZero();
    }

    @Inject
    Outbox outbox;

    @Test
    void eventsOfOneTransactionAreWrittenInAppendOrderAtCommitAndNotAtAllOnRollback() {
        String key = "order-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 5; i++) {
                outbox.append(TicketEvents.TOPIC, key, "dev.rightsdesk.ticket.test-n" + i + ".v1", key, java.util.Map.of("n", i));
            }
        });
        List<String> types = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "key = ?1 order by seq", key)).stream().map(e -> e.type).collect(Collectors.toList());
        assertThat(types).containsExactly("dev.rightsdesk.ticket.test-n0.v1", "dev.rightsdesk.ticket.test-n1.v1",
                "dev.rightsdesk.ticket.test-n2.v1", "dev.rightsdesk.ticket.test-n3.v1", "dev.rightsdesk.ticket.test-n4.v1");

        String rolledBack = "rollback-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(TicketEvents.TOPIC, rolledBack, "dev.rightsdesk.ticket.test-n0.v1", rolledBack, java.util.Map.of());
                throw new IllegalStateException("the change fails after its event was appended");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("key", rolledBack))).isZero();
        OutboxEvent stored = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("key", key).firstResult());
        assertThat(stored.payload).contains("\"specversion\":\"1.0\"");
    }
}
