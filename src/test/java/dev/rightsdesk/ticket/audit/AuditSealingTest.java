package dev.rightsdesk.ticket.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.testing.Requests;
import dev.rightsdesk.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Entries are written without a global lock and sealed into the chain afterwards: concurrent business transactions
 * end up in one unbroken chain, a rolled-back action leaves nothing, and the chain head is anchored on Kafka, where a
 * rewrite of the database (head included) is caught.
 */
@QuarkusTest
class AuditSealingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AuditTrail trail;

    @Inject
    AuditSealer sealer;

    @Inject
    AuditVerifier verifier;

    static String submit() {
        return Requests.access().email("sealing@example.org").submit().toString();
    }

    static long count(String sql, Object... params) throws SQLException {
        try (Connection c = AuditChainTest.owner(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long appendNote(UUID ticket, String actor) {
        long receipt = QuarkusTransaction.requiringNew().call(() ->
                trail.append(ticket, AuditEntry.ACTION, "note", actor, Map.of("n", 1), null));
        return sealer.seqOf(receipt);
    }

    @Test
    void concurrentIntakeEndsUpInOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> ids = new ArrayList<>();
        try {
            List<Callable<List<String>>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        mine.add(submit());
                    }
                    return mine;
                });
            }
            for (Future<List<String>> f : pool.invokeAll(work)) {
                ids.addAll(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
        UUID[] tickets = ids.stream().map(UUID::fromString).toArray(UUID[]::new);
        // No read has sealed them: the background sealer must.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            try (Connection c = AuditChainTest.owner(); PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM audit_pending WHERE ticket_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("uuid", tickets));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("entries still pending").isZero();
                }
            }
        });
        try (Connection c = AuditChainTest.owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(DISTINCT ticket_id) FROM audit_log WHERE ticket_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", tickets));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("every ticket has its entries in the chain").isEqualTo(200);
            }
        }
        try (Connection c = AuditChainTest.owner(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT prev_hash), max(seq),"
                        + " (SELECT last_seq FROM audit_chain_head) FROM audit_log")) {
            rs.next();
            assertThat(rs.getLong(2)).as("no two entries link to the same predecessor").isEqualTo(rs.getLong(1));
            assertThat(rs.getLong(3)).as("sequence without gaps").isEqualTo(rs.getLong(1));
            assertThat(rs.getLong(4)).as("the head is the last entry").isEqualTo(rs.getLong(3));
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRolledBackActionLeavesNothingAndACommittedOneIsKeptAtOnce() throws Exception {
        UUID ticket = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            trail.append(ticket, AuditEntry.ACTION, "note", "officer", Map.of(), "never happened");
            throw new IllegalStateException("the action failed");
        })).hasStackTraceContaining("the action failed");
        assertThat(count("SELECT count(*) FROM audit_pending WHERE ticket_id = ?", ticket)).isZero();
        sealer.sealNow();
        assertThat(count("SELECT count(*) FROM audit_log WHERE ticket_id = ?", ticket)).isZero();

        QuarkusTransaction.requiringNew().run(() ->
                trail.append(ticket, AuditEntry.ACTION, "note", "officer", Map.of(), "it happened"));
        // Durable with the commit: pending or already sealed, exactly once.
        assertThat(count("SELECT (SELECT count(*) FROM audit_pending WHERE ticket_id = ?)"
                + " + (SELECT count(*) FROM audit_log WHERE ticket_id = ?)", ticket, ticket)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM audit_log WHERE ticket_id = ?", ticket)).isEqualTo(1));
    }

    /** The first anchor on dsr.audit-anchors that covers entry {@code seq}: [seq, entryHash]. */
    static String[] anchorCovering(long seq) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(AuditAnchors.TOPIC, Duration.ofSeconds(60),
                rs -> rs.stream().anyMatch(r -> data(r).path("seq").asLong() >= seq));
        ConsumerRecord<String, String> anchor = records.stream().filter(r -> data(r).path("seq").asLong() >= seq)
                .findFirst().orElseThrow(() -> new AssertionError("no anchor covers entry " + seq));
        assertThat(anchor.key()).isEqualTo(AuditAnchors.KEY);
        JsonNode event = JSON.readTree(anchor.value());
        assertThat(event.path("type").asText()).isEqualTo(AuditAnchors.TYPE);
        assertThat(event.path("data").path("sealedAt").asText()).isNotBlank();
        return new String[] {event.path("data").path("seq").asText(), event.path("data").path("entryHash").asText()};
    }

    static JsonNode data(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value()).path("data");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> verifyAgainst(String[] anchor) {
        return given().auth().preemptive().basic("auditor", "auditor")
                .queryParam("anchorSeq", anchor[0]).queryParam("anchorHash", anchor[1]).get("/api/v1/audit/verify")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void entriesBufferedUntilCommitKeepTheOrderOfTheCallsAroundOneWrittenAtOnce() {
        UUID ticket = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            trail.appendAtCommit(ticket, AuditEntry.EVENT, "first", "system", Map.of(), null);
            trail.append(ticket, AuditEntry.ACTION, "second", "officer", Map.of(), "a reason");
            trail.appendAtCommit(ticket, AuditEntry.EVENT, "third", "system", Map.of(), null);
        });
        sealer.sealNow();
        List<String> names = QuarkusTransaction.requiringNew().call(() -> AuditEntry.ofTicket(ticket)).stream()
                .map(e -> e.name).collect(java.util.stream.Collectors.toList());
        assertThat(names).containsExactly("first", "second", "third");
    }

    @Test
    void theChainHeadIsAnchoredOnKafkaAndMatchesTheLog() throws Exception {
        long seq = appendNote(UUID.randomUUID(), "officer");
        String[] anchor = anchorCovering(seq);
        assertThat(AuditChainTest.hashes(Long.parseLong(anchor[0]))[1]).isEqualTo(anchor[1]);
        Map<String, Object> report = verifyAgainst(anchor);
        assertThat(report.get("intact")).isEqualTo(true);
        assertThat(((Map<?, ?>) report.get("anchor")).get("matches")).isEqualTo(true);
    }

    @Test
    void aRewriteOfTheDatabaseHeadIncludedIsCaughtByTheAnchor() throws Exception {
        long seq = appendNote(UUID.randomUUID(), "officer");
        String[] anchor = anchorCovering(seq);
        rewriteFrom(seq, "mallory");
        try {
            // Consistent all the way to the head: the chain alone cannot tell.
            assertThat(verifier.verify().intact()).isTrue();
            AuditVerifier.Report report = verifier.verify(Long.parseLong(anchor[0]), anchor[1]);
            assertThat(report.intact()).isFalse();
            assertThat(report.anchor().matches()).isFalse();
            assertThat(report.firstBroken().seq()).isEqualTo(Long.parseLong(anchor[0]));
            assertThat(report.firstBroken().problem()).startsWith("rewritten");
            assertThat(verifyAgainst(anchor).get("intact")).isEqualTo(false);
        } finally {
            rewriteFrom(seq, "officer");
        }
        assertThat(verifyAgainst(anchor).get("intact")).isEqualTo(true);
    }

    @Test
    void halfAnAnchorIsRefused() {
        given().auth().preemptive().basic("auditor", "auditor").queryParam("anchorSeq", 1).get("/api/v1/audit/verify")
                .then().statusCode(400).body("errors[0].field", equalTo("anchorHash"));
        given().auth().preemptive().basic("auditor", "auditor").queryParam("anchorHash", "0".repeat(64))
                .get("/api/v1/audit/verify").then().statusCode(400).body("errors[0].field", equalTo("anchorSeq"));
    }

    @Test
    void thePendingGaugeIsExposed() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("rightsdesk_audit_pending ", "rightsdesk_audit_oldest_pending_age_seconds ");
    }

    /**
     * What an attacker with the owner's rights does: sets entry {@code seq}'s actor, recomputes every hash from there
     * to the end and moves the head, all under the head's lock so that no sealing round interleaves.
     */
    static void rewriteFrom(long seq, String actor) throws SQLException {
        try (Connection c = AuditChainTest.owner(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL session_replication_role = replica");
            s.executeQuery("SELECT 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
            String previous = AuditChainTest.hashes(seq)[0].trim();
            try (PreparedStatement rows = c.prepareStatement("SELECT seq, at, ticket_id, kind, name, actor, content,"
                    + " reason_enc FROM audit_log WHERE seq >= ? ORDER BY seq");
                    PreparedStatement update = c.prepareStatement(
                            "UPDATE audit_log SET actor = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?")) {
                rows.setLong(1, seq);
                long last = seq;
                try (ResultSet rs = rows.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        String who = last == seq ? actor : rs.getString(6);
                        String hash = AuditHash.entryHash(previous, last, rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), who, rs.getString(7),
                                rs.getString(8));
                        update.setString(1, who);
                        update.setString(2, previous);
                        update.setString(3, hash);
                        update.setLong(4, last);
                        update.executeUpdate();
                        previous = hash;
                    }
                }
                try (PreparedStatement head = c.prepareStatement(
                        "UPDATE audit_chain_head SET last_hash = ? WHERE id = 1 AND last_seq = ?")) {
                    head.setString(1, previous);
                    head.setLong(2, last);
                    assertThat(head.executeUpdate()).as("the head is the last entry").isEqualTo(1);
                }
            }
            c.commit();
        }
    }
}
