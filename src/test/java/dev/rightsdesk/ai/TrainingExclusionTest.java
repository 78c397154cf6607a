package dev.rightsdesk.ai;

import static dev.rightsdesk.ai.AiTestSupport.hmac;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.ai.exclusion.ExclusionService;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshot;
import dev.rightsdesk.ai.exclusion.TrainingExclusion;
import dev.rightsdesk.notice.SubjectNotice;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingExclusionTest {

    static final String SNAPSHOT = "/api/v1/training-exclusions/snapshot";
    static final String CHECK = "/api/v1/training-exclusions/check";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ExclusionService exclusions;

    static long currentVersion() {
        return given().get(SNAPSHOT).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    static List<ConsumerRecord<String, String>> recordsFor(String key, int atLeast) {
        return TopicReader.readUntil(ExclusionService.TOPIC, Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= atLeast)
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    @Test
    void verifiedErasurePutsTheSubjectsHmacsNotTheIdentifiersOnTheCompactedTopic() throws Exception {
        String email = AiTestSupport.uniqueEmail("Erase");
        String customerId = "C-" + UUID.randomUUID();
        UUID ticket = AiTestSupport.submit("ERASURE", email, customerId, "{\"ground\": \"17(1)(d)\"}");
        long before = currentVersion();

        AiTestSupport.verify(ticket);

        String emailHash = hmac("email", email.toLowerCase(Locale.ROOT));
        String customerHash = hmac("customerId", customerId);
        ConsumerRecord<String, String> record = recordsFor(emailHash, 1).get(0);
        assertThat(record.value()).doesNotContain(email).doesNotContain(email.toLowerCase(Locale.ROOT))
                .doesNotContain(customerId).doesNotContain("Test Person");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.path("type").asText()).isEqualTo(ExclusionService.TYPE_ENTRY);
        assertThat(event.path("data").path("reason").asText()).isEqualTo("ERASURE");
        assertThat(event.path("data").path("ticketId").asText()).isEqualTo(ticket.toString());
        assertThat(event.path("data").path("identifierType").asText()).isEqualTo("email");
        long version = event.path("data").path("snapshotVersion").asLong();
        assertThat(version).isGreaterThan(before);
        assertThat(recordsFor(customerHash, 1).get(0).value()).doesNotContain(customerId);

        given().get(SNAPSHOT).then().statusCode(200).body("version", org.hamcrest.Matchers.greaterThanOrEqualTo((int) version));
        given().contentType(ContentType.JSON)
                .body("{\"hashes\": [\"%s\", \"%s\", \"%s\"]}".formatted(emailHash.toUpperCase(Locale.ROOT),
                        hmac("email", "nobody@example.org"), customerHash))
                .post(CHECK).then().statusCode(200)
                .body("checked", equalTo(3))
                .body("excluded", containsInAnyOrder(emailHash, customerHash));
        // before the erasure's version, the subject was not excluded
        given().contentType(ContentType.JSON)
                .body("{\"hashes\": [\"%s\"], \"snapshotVersion\": %d}".formatted(emailHash, version - 1))
                .post(CHECK).then().statusCode(200).body("snapshotVersion", equalTo((int) (version - 1)))
                .body("excluded", empty());

        // verifying again (a retried code) adds nothing
        AiTestSupport.verify(ticket);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrainingExclusion.forTicket(ticket))).hasSize(2);
    }

    @Test
    void objectionToAiTrainingExcludesAndAnOfficersCompellingGroundsLiftItWithATombstone() {
        String email = AiTestSupport.uniqueEmail("Object");
        UUID ticket = AiTestSupport.submit("OBJECTION", email, "K-" + UUID.randomUUID(),
                "{\"basis\": \"LEGITIMATE_INTEREST\", \"purposes\": [\"ai-training\", \"analytics\"]}");
        AiTestSupport.verify(ticket);
        String hash = hmac("email", email.toLowerCase(Locale.ROOT));
        assertThat(recordsFor(hash, 1).get(0).value()).contains("OBJECTION_21_1").doesNotContain(email);
        long excludedAt = currentVersion();
        String digestBefore = given().get(SNAPSHOT + "/" + excludedAt).then().statusCode(200).extract().path("digest");

        var decision = exclusions.recordObjectionDecision(ticket, true, "Fraud detection model; balancing recorded", "officer-1");

        assertThat(decision.event()).isEqualTo("objection-overruled");
        assertThat(decision.liftedEntries()).isEqualTo(2);
        List<ConsumerRecord<String, String>> records = recordsFor(hash, 2);
        assertThat(records.get(records.size() - 1).value()).as("tombstone").isNull();
        long liftedAt = decision.snapshotVersion();
        assertThat(liftedAt).isGreaterThan(excludedAt);
        String digestAfter = given().get(SNAPSHOT + "/" + liftedAt).then().statusCode(200).extract().path("digest");
        assertThat(digestAfter).isNotEqualTo(digestBefore);
        given().contentType(ContentType.JSON).body("{\"hashes\": [\"%s\"], \"snapshotVersion\": %d}".formatted(hash, liftedAt))
                .post(CHECK).then().statusCode(200).body("excluded", empty());
        given().contentType(ContentType.JSON).body("{\"hashes\": [\"%s\"], \"snapshotVersion\": %d}".formatted(hash, liftedAt - 1))
                .post(CHECK).then().statusCode(200).body("excluded", contains(hash));
        // the subject is told (the notice consumer queues the mail for objection-overruled)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SubjectNotice.forTicket(ticket)).stream().anyMatch(n -> n.kind.equals("objection-overruled")));
        assertThatThrownBy(() -> exclusions.recordObjectionDecision(ticket, false, null, "officer-2"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
    }

    @Test
    void anUpheldObjectionStaysOnTheListAndADirectMarketingObjectionCannotBeOverruled() {
        String email = AiTestSupport.uniqueEmail("Upheld");
        UUID upheld = AiTestSupport.submit("OBJECTION", email, "U-1",
                "{\"basis\": \"LEGITIMATE_INTEREST\", \"purposes\": [\"ai-training\"]}");
        AiTestSupport.verify(upheld);
        var decision = exclusions.recordObjectionDecision(upheld, false, null, "officer-1");
        assertThat(decision.event()).isEqualTo("objection-upheld");
        assertThat(decision.liftedEntries()).isZero();
        String hash = hmac("email", email.toLowerCase(Locale.ROOT));
        given().contentType(ContentType.JSON).body("{\"hashes\": [\"%s\"]}".formatted(hash))
                .post(CHECK).then().statusCode(200).body("excluded", contains(hash));

        String marketingEmail = AiTestSupport.uniqueEmail("Marketing");
        UUID marketing = AiTestSupport.submit("OBJECTION", marketingEmail, "M-1",
                "{\"basis\": \"DIRECT_MARKETING\", \"purposes\": [\"ai-training\"]}");
        AiTestSupport.verify(marketing);
        assertThat(recordsFor(hmac("email", marketingEmail.toLowerCase(Locale.ROOT)), 1).get(0).value())
                .contains("OBJECTION_21_2");
        assertThatThrownBy(() -> exclusions.recordObjectionDecision(marketing, true, "reasons", "officer-1"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(422);
    }

    @Test
    void anObjectionWithoutAiTrainingAndAnAccessRequestExcludeNobody() {
        UUID objection = AiTestSupport.submit("OBJECTION", AiTestSupport.uniqueEmail("Other"), "O-1",
                "{\"basis\": \"LEGITIMATE_INTEREST\", \"purposes\": [\"analytics\"]}");
        UUID access = AiTestSupport.submit("ACCESS", AiTestSupport.uniqueEmail("Access"), "A-1", "{}");
        AiTestSupport.verify(objection);
        AiTestSupport.verify(access);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrainingExclusion.forTicket(objection))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrainingExclusion.forTicket(access))).isEmpty();
    }

    @Test
    void theTopicIsCompacted() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers",
                dev.rightsdesk.testing.EmbeddedEnginesTestResource.bootstrapServers()))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, ExclusionService.TOPIC);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
    }

    @Test
    void everyVersionsDigestIsTheDocumentedHashOverItsActiveSet() {
        UUID ticket = AiTestSupport.submit("ERASURE", AiTestSupport.uniqueEmail("Digest"), "D-1", "{}");
        AiTestSupport.verify(ticket);
        QuarkusTransaction.requiringNew().run(() -> {
            ExclusionSnapshot current = ExclusionSnapshot.current();
            List<String> active = TrainingExclusion.<TrainingExclusion>listAll().stream()
                    .filter(x -> x.activeAt(current.version)).map(x -> x.subjectHash).collect(Collectors.toList());
            assertThat(current.digest).isEqualTo(AiTestSupport.digest(active));
            assertThat(current.entryCount).isEqualTo(active.stream().distinct().count());
        });
        given().get(SNAPSHOT + "/0").then().statusCode(200)
                .body("digest", equalTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .body("count", equalTo(0));
        given().get(SNAPSHOT + "/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void concurrentExclusionsGetDistinctGapFreeVersionsEachWithTheDigestOfItsSet() throws Exception {
        List<UUID> tickets = IntStream.range(0, 6)
                .mapToObj(i -> AiTestSupport.submit("ERASURE", AiTestSupport.uniqueEmail("Parallel" + i), "P-" + i, "{}"))
                .toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = tickets.stream().map(t -> pool.submit(() -> AiTestSupport.verify(t))).toList();
            for (var f : futures) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<Long> versions = tickets.stream()
                    .map(t -> TrainingExclusion.forTicket(t).get(0).addedVersion).sorted().toList();
            assertThat(versions).doesNotHaveDuplicates();
            List<TrainingExclusion> all = TrainingExclusion.listAll();
            for (long v = versions.get(0); v <= versions.get(versions.size() - 1); v++) {
                long version = v;
                ExclusionSnapshot snapshot = ExclusionSnapshot.<ExclusionSnapshot>findByIdOptional(version).orElseThrow();
                assertThat(snapshot.digest).as("digest of version %d", version).isEqualTo(AiTestSupport.digest(
                        all.stream().filter(x -> x.activeAt(version)).map(x -> x.subjectHash).toList()));
            }
        });
    }

    @Test
    void checkTakesAFullBatchAndRefusesBadInputWithoutEchoingIt() {
        List<String> batch = new ArrayList<>(IntStream.range(0, 10_000).mapToObj(i -> hmac("email", "batch" + i + "@example.org")).toList());
        String body = "{\"hashes\": [" + batch.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(",")) + "]}";
        assertThat(body.length()).isGreaterThan(65_536);
        given().contentType(ContentType.JSON).body(body).post(CHECK).then().statusCode(200)
                .body("checked", equalTo(10_000)).body("excluded", empty());

        batch.add(hmac("email", "one-too-many@example.org"));
        given().contentType(ContentType.JSON)
                .body("{\"hashes\": [" + batch.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(",")) + "]}")
                .post(CHECK).then().statusCode(400).body("errors.field", hasItem("hashes"));
        given().contentType(ContentType.JSON).body("{\"hashes\": [\"%s\", \"someone@example.org\"]}".formatted(batch.get(0)))
                .post(CHECK).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("hashes[1]"))
                .body(not(org.hamcrest.Matchers.containsString("someone@example.org")));
        given().contentType(ContentType.JSON).body("{\"hashes\": []}").post(CHECK).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"hashes\": [\"%s\"], \"snapshotVersion\": 999999999}".formatted(batch.get(0)))
                .post(CHECK).then().statusCode(422).body("errors.field", contains("snapshotVersion"));
        // the rest of the API keeps its 64 KiB limit
        given().contentType(ContentType.JSON).body(body).post("/api/v1/requests").then().statusCode(413);
    }
}
