package dev.rightsdesk.shredding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.platform.crypto.DataKey;
import dev.rightsdesk.platform.crypto.PersonalFields;
import dev.rightsdesk.platform.crypto.TicketKeyDestroyedException;
import dev.rightsdesk.platform.crypto.TicketKeys;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import dev.rightsdesk.ticket.audit.AuditEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding against the real engines: canary requests (access, rectification, erasure) go through the demo
 * systems over Kafka with their personal fields encrypted, are closed, and their data keys destroyed. Then no topic,
 * read from the beginning, holds the canary in the clear, and nothing encrypted for those tickets can be read again.
 */
@QuarkusTest
@TestProfile(CryptoShreddingTest.DemoProfile.class)
class CryptoShreddingTest {

    /** The demo systems answer; the key retention is 0 (every test profile), so keys go at the next run. */
    public static class DemoProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // crm and newsletter are built-in connectors (here on the test engine's table): they must open the
            // sealed commands with the ticket's key like any connector
            Map<String, String> config = new java.util.HashMap<>(dev.rightsdesk.connector.ConnectorTestProfile.demoConnectors());
            config.putAll(Map.of(
                    "rightsdesk.intake.verification-required", "false",
                    "rightsdesk.review.approval-required", "false",
                    "rightsdesk.demo.enabled", "true",
                    "rightsdesk.demo.reply-delay", "0.2s",
                    "rightsdesk.demo.model-registry.remediation-delay", "0.5s"));
            return config;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TicketKeys keys;
    @Inject
    KeyShreddingJob shredding;

    @Test
    void afterClosingAndShreddingNoTopicHoldsTheCanaryInTheClearOrDecryptably() throws Exception {
        String tag = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), 0, 6);
        String email = "canary-" + tag + "@shred-rightsdesk.example";
        String name = "Canary Shredded " + tag;
        String customerId = "SHRED-" + tag;
        String oldValue = "Old Canal " + tag;
        String newValue = "New Canal " + tag;
        List<String> canaries = List.of(email, name, customerId, oldValue, newValue, tag);

        // the crm (a built-in connector on the test engine's table) holds the canary subject
        dev.rightsdesk.connector.ConnectorRuntimeTest.target("INSERT INTO people (email, customer_no, name) VALUES ('"
                + email + "', '" + customerId + "', '" + name + "')");
        UUID access = submit("ACCESS", "{}", email, name, customerId);
        UUID rectification = submit("RECTIFICATION", """
                {"corrections": [{"field": "address", "currentValue": "%s", "correctedValue": "%s"}]}"""
                .formatted(oldValue, newValue), email, name, customerId);
        for (UUID id : List.of(access, rectification)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> ticket(id).status == TicketStatus.READY_FOR_RESPONSE);
        }
        // erased only after the access answer was taken
        UUID erasure = submit("ERASURE", "{\"ground\": \"17(1)(a)\"}", email, name, customerId);
        List<UUID> tickets = List.of(access, rectification, erasure);
        await().atMost(Duration.ofSeconds(90)).until(() -> ticket(erasure).status == TicketStatus.READY_FOR_RESPONSE);
        // The crm's built-in connector opened the encrypted command, found the subject by the decrypted e-mail and
        // answered encrypted: the access answer arrived whole.
        Task crm = QuarkusTransaction.requiringNew().call(() -> Task.live(access, "crm").orElseThrow());
        assertThat(crm.answerData).contains(email);
        List<ConsumerRecord<String, String>> results = ofTickets(TopicReader.readAll("dsr.task-results"), tickets);
        assertThat(results).anyMatch(r -> parse(r.value()).path("data").path("answer").asText().startsWith("rd1:"));
        assertThat(results).noneMatch(r -> parse(r.value()).path("data").path("answer").isObject());

        // A sealed value moved into another field does not decrypt there: the result is dead-lettered, by field name.
        Task newsletter = QuarkusTransaction.requiringNew().call(() -> Task.live(access, "newsletter").orElseThrow());
        String moved = JSON.readTree(ofTickets(TopicReader.readAll("dsr.tasks.newsletter"), List.of(access)).get(0).value())
                .path("data").path("subject").path("email").asText();
        String eventId = UUID.randomUUID().toString();
        TopicReader.send("dsr.task-results", access.toString(), """
                {"specversion": "1.0", "id": "%s", "source": "/systems/newsletter", "type": "dev.rightsdesk.task.result.v1",
                 "data": {"taskId": "%s", "ticketId": "%s", "outcome": "COMPLETED", "answer": "%s"}}"""
                .formatted(eventId, newsletter.id, access, moved));
        var dead = TopicReader.readUntil("dsr.task-results.dlq", Duration.ofSeconds(60),
                rs -> rs.stream().anyMatch(r -> r.value().contains(eventId)));
        assertThat(dead).filteredOn(r -> r.value().contains(eventId)).singleElement()
                .satisfies(r -> assertThat(new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                        .startsWith("data.answer does not decrypt"));

        // A connector deployed apart gets the key from the key service and opens the command by the documented format.
        JsonNode command = JSON.readTree(ofTickets(TopicReader.readAll("dsr.tasks.crm"), List.of(rectification)).get(0).value());
        JsonNode issued = given().auth().preemptive().basic("connector-crm", "connector-crm")
                .get("/api/v1/connector-keys/" + rectification).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().as(JsonNode.class);
        assertThat(issued.path("format").asText()).isEqualTo("rd1");
        DataKey key = new DataKey(rectification, issued.path("keyId").asText(), Base64.getDecoder().decode(issued.path("key").asText()));
        JsonNode opened = PersonalFields.open(command.path("data"), (keyId, path) -> key);
        assertThat(opened.path("corrections").get(0).path("correctedValue").asText()).isEqualTo(newValue);
        assertThat(opened.path("subject").path("identifiers").path("customerId").asText()).isEqualTo(customerId);
        // Staff cannot fetch keys; nobody without credentials can.
        given().auth().preemptive().basic("officer", "officer").get("/api/v1/connector-keys/" + rectification)
                .then().statusCode(403);
        given().get("/api/v1/connector-keys/" + rectification).then().statusCode(401);
        given().auth().preemptive().basic("connector-crm", "connector-crm")
                .get("/api/v1/connector-keys/" + UUID.randomUUID()).then().statusCode(404);

        for (UUID id : tickets) {
            given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON)
                    .body("{\"response\": \"done\"}").post("/api/v1/tickets/" + id + "/closure").then().statusCode(200);
        }
        shredding.runOnce(Instant.now()); // the scheduled run may have been first: either way the keys are gone
        for (UUID id : tickets) {
            assertThat(keys.find(id).destroyed()).isTrue();
            assertThat(keys.find(id).key()).isEmpty();
            given().auth().preemptive().basic("connector-crm", "connector-crm").get("/api/v1/connector-keys/" + id)
                    .then().statusCode(410).contentType("application/problem+json");
            await().atMost(Duration.ofSeconds(30)).until(() -> auditNames(id).contains(KeyShreddingJob.KEY_DESTROYED));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> auditNames(rectification).contains(ConnectorKeyService.KEY_ISSUED));

        // Every topic, from the beginning: the canary is nowhere in the clear (values, keys, headers).
        Set<String> topics = TopicReader.allTopics();
        assertThat(topics).contains("dsr.task-results", "dsr.tasks.crm", "dsr.tasks.newsletter", "dsr.ticket-events");
        List<ConsumerRecord<String, String>> ours = new ArrayList<>();
        for (String topic : topics) {
            List<ConsumerRecord<String, String>> records = TopicReader.readAll(topic);
            for (ConsumerRecord<String, String> r : records) {
                String text = asText(r).toLowerCase(Locale.ROOT);
                for (String canary : canaries) {
                    assertThat(text).as("a record on %s", topic).doesNotContain(canary.toLowerCase(Locale.ROOT));
                }
            }
            ours.addAll(ofTickets(records, tickets));
        }
        // ... and what was encrypted for these tickets can no longer be decrypted, by anyone.
        List<ConsumerRecord<String, String>> sealed = ours.stream().filter(r -> r.value() != null && r.value().contains("\"rd1:")).toList();
        assertThat(sealed).as("commands and results of the canary tickets carried encrypted fields").hasSizeGreaterThan(6);
        for (ConsumerRecord<String, String> r : sealed) {
            JsonNode data = JSON.readTree(r.value()).path("data");
            assertThatThrownBy(() -> keys.decryptFields(data)).as("a record on %s", r.topic())
                    .isInstanceOf(TicketKeyDestroyedException.class);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static UUID submit(String type, String details, String email, String name, String customerId) {
        String body = """
                {"type": "%s", "subject": {"email": "%s", "name": "%s", "identifiers": {"customerId": "%s"}}, "details": %s}"""
                .formatted(type, email, name, customerId, details);
        return UUID.fromString(given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("id"));
    }

    static Ticket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.findById(id));
    }

    static List<String> auditNames(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("ticketId", ticketId)
                .stream().map(e -> e.name).toList());
    }

    static List<ConsumerRecord<String, String>> ofTickets(List<ConsumerRecord<String, String>> records, List<UUID> tickets) {
        return records.stream().filter(r -> r.key() != null && tickets.stream().anyMatch(t -> t.toString().equals(r.key())))
                .toList();
    }

    static String asText(ConsumerRecord<String, String> r) {
        StringBuilder sb = new StringBuilder(String.valueOf(r.key())).append(' ');
        for (Header h : r.headers()) {
            sb.append(h.key()).append('=')
                    .append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)).append(' ');
        }
        return sb.append(r.value()).toString();
    }
}
