package dev.rightsdesk.officer;

import static dev.rightsdesk.officer.Staff.approve;
import static dev.rightsdesk.officer.Staff.officer;
import static dev.rightsdesk.officer.Staff.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * A dump of every table (as {@code pg_dump} would write the rows: {@code COPY ... TO STDOUT}) holds no plaintext
 * e-mail address, name, identifier, request detail, reason, note or answer: they are AES-GCM encrypted at rest.
 */
@QuarkusTest
class PersonalDataAtRestTest {

    @Test
    void aDumpOfTheDatabaseHoldsNoPlaintextPersonalData() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "canary-" + tag + "@example.org";
        String name = "Canarius Plaintextus " + tag;
        List<String> canaries = new ArrayList<>(List.of(email, "canary-" + tag, name, "Plaintextus", "CUST-" + tag,
                "Canary Street " + tag, "extension-" + tag, "note-" + tag, "refusal-" + tag, "answer-" + tag,
                "registered-" + tag, "objection-" + tag, "evidence-" + tag));

        String id = given().contentType(ContentType.JSON).body("""
                {"type": "RECTIFICATION", "subject": {"email": "%s", "name": "%s", "identifiers": {"customerId": "CUST-%s"}},
                 "details": {"corrections": [{"field": "address", "currentValue": "Old Road 1", "correctedValue": "Canary Street %s"}]}}"""
                .formatted(email, name, tag, tag))
                .post("/api/v1/requests").then().statusCode(202).extract().path("id");
        UUID ticket = UUID.fromString(id);
        verify(ticket);
        officer().body("{\"reason\": \"extension-" + tag + "\"}").post("/api/v1/tickets/" + ticket + "/extension").then().statusCode(200);
        // A staff user name is stored in the clear: it proves the dump does read the ticket rows.
        officer().body("{\"assignee\": \"clear-" + tag + "\"}").post("/api/v1/tickets/" + ticket + "/assignment").then().statusCode(200);
        officer().body("{\"text\": \"note-" + tag + "\"}").post("/api/v1/tickets/" + ticket + "/notes").then().statusCode(201);
        officer().body("{\"scope\": \"PARTIAL\", \"grounds\": [\"RIGHTS_OF_OTHERS\"], \"reasons\": \"refusal-" + tag + "\"}")
                .post("/api/v1/tickets/" + ticket + "/refusal").then().statusCode(200);
        approve(ticket);
        // The system's answer, stored on its task as the fan-out's results consumer stores it.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            dev.rightsdesk.fanout.Task crm = dev.rightsdesk.fanout.Task.live(ticket, "crm").orElseThrow();
            crm.answerData = "{\"address\": \"answer-" + tag + "\", \"email\": \"" + email + "\"}";
        });
        for (String task : officer().get("/api/v1/tickets/" + ticket).then().extract().jsonPath().getList("tasks.id", String.class)) {
            officer().body("{\"evidence\": \"evidence-" + tag + "\"}")
                    .post("/api/v1/tickets/" + ticket + "/tasks/" + task + "/manual-completion").then().statusCode(200);
        }
        officer().body("{\"response\": \"answer-" + tag + "\"}").post("/api/v1/tickets/" + ticket + "/closure").then().statusCode(200);

        String registered = officer().body("""
                {"type": "OBJECTION", "channel": "POST", "receivedAt": "%s", "note": "registered-%s",
                 "subject": {"email": "%s", "name": "%s"},
                 "details": {"basis": "LEGITIMATE_INTEREST", "purposes": ["ai-training"], "grounds": "objection-%s"}}"""
                .formatted(Instant.now().minus(Duration.ofDays(2)), tag, email, name, tag))
                .post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        verify(UUID.fromString(registered));
        officer().body("{\"compellingGrounds\": true, \"reasons\": \"objection-" + tag + " outweighed\"}")
                .post("/api/v1/tickets/" + registered + "/objection-decision").then().statusCode(200);

        // The API still shows the officer everything: the data is there, only not in the clear at rest.
        officer().get("/api/v1/tickets/" + ticket).then().statusCode(200)
                .body("subject.email", org.hamcrest.Matchers.equalTo(email));

        String dump = dumpAllTables();
        assertThat(dump).contains(id).contains(registered).contains("clear-" + tag);
        for (String canary : canaries) {
            assertThat(dump).as("plaintext in the dump").doesNotContainIgnoringCase(canary);
        }
    }

    @Test
    void outboxRowsFromBeforeTheEncryptionAreStillRelayed() throws Exception {
        String topic = "officer-test.legacy-outbox";
        String key = UUID.randomUUID().toString();
        String payload = "{\"specversion\":\"1.0\",\"id\":\"" + key + "\",\"type\":\"dev.rightsdesk.test.v1\",\"data\":{}}";
        try (Connection c = Staff.owner(); var ps = c.prepareStatement("INSERT INTO outbox_event (id, topic, event_key, type,"
                + " payload, created_at) VALUES (?, ?, ?, 'dev.rightsdesk.test.v1', ?, now())")) {
            ps.setObject(1, UUID.fromString(key));
            ps.setString(2, topic);
            ps.setString(3, key);
            ps.setString(4, payload);
            ps.executeUpdate();
        }
        var records = dev.rightsdesk.testing.TopicReader.readUntil(topic, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> key.equals(r.key())));
        assertThat(records).anyMatch(r -> key.equals(r.key()) && payload.equals(r.value()));
        // New rows are written encrypted.
        try (Connection c = Staff.owner(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT payload FROM outbox_event WHERE topic = 'dsr.ticket-events' ORDER BY seq DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("v1:");
        }
    }

    /** Every base table of the public schema, row by row, as COPY writes it. */
    static String dumpAllTables() throws Exception {
        StringWriter out = new StringWriter();
        try (Connection c = Staff.owner(); Statement s = c.createStatement();
                ResultSet tables = s.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            assertThat(names).contains("ticket", "ticket_status_change", "audit_log", "outbox_event", "ticket_refusal",
                    "ticket_response", "objection_decision");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : names) {
                out.write("-- " + table + "\n");
                copy.copyOut("COPY (SELECT * FROM \"" + table + "\") TO STDOUT", out);
            }
        }
        return out.toString();
    }
}
