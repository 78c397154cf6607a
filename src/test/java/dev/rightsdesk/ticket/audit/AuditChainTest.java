package dev.rightsdesk.ticket.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only in the database and tamper-evident by its hash chain: an edited, deleted or
 * reordered entry is found and named, even when the change was made by the database owner bypassing the trigger.
 */
@QuarkusTest
class AuditChainTest {

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditSealer sealer;

    static Connection owner() throws SQLException {
        return DriverManager.getConnection(EmbeddedEnginesTestResource.postgres().jdbcUrl(), "postgres", "");
    }

    /** Appends {@code n} entries for a fresh ticket id and returns their sequence numbers (once sealed). */
    List<Long> appendEntries(int n) {
        UUID ticket = UUID.randomUUID();
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            long receipt = QuarkusTransaction.requiringNew().call(() ->
                    trail.append(ticket, AuditEntry.ACTION, "note", "officer", Map.of("index", index), "note " + index));
            seqs.add(sealer.seqOf(receipt));
        }
        return seqs;
    }

    /** Runs {@code sql} as the owner with triggers off (session_replication_role = replica), then restores. */
    static void asOwnerBypassingTriggers(String... sql) throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            for (String statement : sql) {
                s.execute(statement);
            }
            s.execute("SET session_replication_role = origin");
        }
    }

    static Map<String, Object> report() {
        return given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/audit/verify")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void anIntactChainVerifies() {
        appendEntries(3);
        assertThat(verifier.verify().intact()).isTrue();
        given().auth().preemptive().basic("officer", "officer").get("/api/v1/audit/verify")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void theDatabaseRefusesUpdatesDeletesAndTruncation() throws SQLException {
        long seq = appendEntries(1).get(0);
        for (String sql : List.of("UPDATE audit_log SET actor = 'mallory' WHERE seq = " + seq,
                "DELETE FROM audit_log WHERE seq = " + seq, "TRUNCATE audit_log")) {
            try (Connection c = owner(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void anEditedEntryIsNamed() throws SQLException {
        long seq = appendEntries(3).get(1);
        String original = content(seq);
        asOwnerBypassingTriggers("UPDATE audit_log SET content = '{\"index\":99}' WHERE seq = " + seq);
        try {
            Map<String, Object> report = report();
            assertThat(report.get("intact")).isEqualTo(false);
            assertThat(((Map<?, ?>) report.get("firstBroken")).get("seq")).isEqualTo((int) seq);
            assertThat((String) ((Map<?, ?>) report.get("firstBroken")).get("problem")).startsWith("altered");
        } finally {
            asOwnerBypassingTriggers("UPDATE audit_log SET content = '" + original + "' WHERE seq = " + seq);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void anEntryEditedWithARecomputedHashBreaksTheNextLink() throws SQLException {
        List<Long> seqs = appendEntries(3);
        long seq = seqs.get(1);
        String[] row = hashes(seq);
        saveRow(seq);
        String forged = AuditHash.entryHash(row[0], seq, at(seq), null, "ACTION", "note", "mallory", "{}", null);
        asOwnerBypassingTriggers("UPDATE audit_log SET actor = 'mallory', content = '{}', reason_enc = NULL, ticket_id = NULL,"
                + " entry_hash = '" + forged + "' WHERE seq = " + seq);
        try {
            AuditVerifier.Report report = verifier.verify();
            assertThat(report.intact()).isFalse();
            // The forged entry is self-consistent; its successor no longer links to it.
            assertThat(report.firstBroken().seq()).isEqualTo(seqs.get(2));
            assertThat(report.firstBroken().problem()).startsWith("unlinked");
        } finally {
            restore(seq);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aDeletedEntryIsNamed() throws SQLException {
        long seq = appendEntries(3).get(1);
        saveRow(seq);
        asOwnerBypassingTriggers("DELETE FROM audit_log WHERE seq = " + seq);
        try {
            AuditVerifier.Report report = verifier.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBroken().seq()).isEqualTo(seq);
            assertThat(report.firstBroken().problem()).startsWith("missing");
        } finally {
            asOwnerBypassingTriggers("INSERT INTO audit_log SELECT * FROM audit_log_saved WHERE seq = " + seq,
                    "DROP TABLE audit_log_saved");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRemovedLastEntryIsNoticedThroughTheChainHead() throws SQLException {
        List<Long> seqs = appendEntries(2);
        long last = seqs.get(1);
        saveRow(last);
        asOwnerBypassingTriggers("DELETE FROM audit_log WHERE seq = " + last);
        try {
            AuditVerifier.Report report = verifier.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBroken().seq()).isEqualTo(last);
        } finally {
            asOwnerBypassingTriggers("INSERT INTO audit_log SELECT * FROM audit_log_saved WHERE seq = " + last,
                    "DROP TABLE audit_log_saved");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void reorderedEntriesAreNamed() throws SQLException {
        List<Long> seqs = appendEntries(3);
        long a = seqs.get(0);
        long b = seqs.get(1);
        String swap = "UPDATE audit_log SET seq = -1 WHERE seq = " + a + ";"
                + "UPDATE audit_log SET seq = " + a + " WHERE seq = " + b + ";"
                + "UPDATE audit_log SET seq = " + b + " WHERE seq = -1";
        asOwnerBypassingTriggers(swap);
        try {
            AuditVerifier.Report report = verifier.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBroken().seq()).isEqualTo(a);
            assertThat(report.firstBroken().problem()).startsWith("unlinked");
        } finally {
            asOwnerBypassingTriggers(swap);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> work = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int index = i;
                UUID ticket = UUID.randomUUID();
                work.add(() -> QuarkusTransaction.requiringNew().call(() ->
                        trail.append(ticket, AuditEntry.ACTION, "note", "officer", Map.of("i", index), null)));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(work)) {
                seqs.add(f.get());
            }
            assertThat(seqs).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
        assertThat(verifier.verify().intact()).isTrue();
        try (Connection c = owner(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT prev_hash), max(seq) FROM audit_log")) {
            rs.next();
            assertThat(rs.getLong(2)).as("no two entries link to the same predecessor").isEqualTo(rs.getLong(1));
            assertThat(rs.getLong(3)).as("sequence without gaps").isEqualTo(rs.getLong(1));
        }
    }

    static String content(long seq) throws SQLException {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("SELECT content FROM audit_log WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static String[] hashes(long seq) throws SQLException {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT prev_hash, entry_hash FROM audit_log WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    static java.time.Instant at(long seq) throws SQLException {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("SELECT at FROM audit_log WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        }
    }

    static void saveRow(long seq) throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS audit_log_saved");
            s.execute("CREATE TABLE audit_log_saved AS SELECT * FROM audit_log WHERE seq = " + seq);
        }
    }

    /** Puts back a row saved before, by deleting the forged one and re-inserting the original. */
    static void restore(long seq) throws SQLException {
        asOwnerBypassingTriggers("DELETE FROM audit_log WHERE seq = " + seq,
                "INSERT INTO audit_log SELECT * FROM audit_log_saved WHERE seq = " + seq, "DROP TABLE audit_log_saved");
    }
}
