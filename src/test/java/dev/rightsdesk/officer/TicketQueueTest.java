package dev.rightsdesk.officer;

import static dev.rightsdesk.officer.Staff.as;
import static dev.rightsdesk.officer.Staff.officer;
import static dev.rightsdesk.officer.Staff.register;
import static dev.rightsdesk.officer.Staff.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.rightsdesk.officer.queue.QueueFilter;
import dev.rightsdesk.officer.queue.TicketQueue;
import dev.rightsdesk.ticket.RequestType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The queue: ordered by effective due date, filtered by status, type, overdue, due within N days, assignee and
 * flag, paged, with counts; and its query is one the partial index {@code ticket_open_due_ix} can serve.
 * Each test narrows to this class's tickets by a unique assignee, since the database is shared.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketQueueTest {

    final String owner = "queue-" + UUID.randomUUID().toString().substring(0, 8);
    UUID overdue;       // received 45 days ago, access
    UUID dueSoon;       // received 27 days ago, erasure, flagged
    UUID fresh;         // received today, objection, verified
    UUID refused;       // received 5 days ago, closed

    /** Once per class; in a test method, where RestAssured already points at the application. */
    @BeforeEach
    void tickets() throws Exception {
        if (fresh != null) {
            return;
        }
        fresh = register("OBJECTION", "{\"basis\": \"DIRECT_MARKETING\", \"purposes\": [\"newsletter\"]}", Instant.now());
        overdue = register("ACCESS", "{}", Instant.now().minus(Duration.ofDays(45)));
        dueSoon = register("ERASURE", "{}", Instant.now().minus(Duration.ofDays(27)));
        refused = register("ACCESS", "{}", Instant.now().minus(Duration.ofDays(5)));
        for (UUID id : List.of(fresh, overdue, dueSoon, refused)) {
            officer().body("{\"assignee\": \"" + owner + "\"}").post("/api/v1/tickets/" + id + "/assignment").then().statusCode(200);
        }
        verify(fresh);
        officer().body("{\"scope\": \"WHOLE\", \"grounds\": [\"DUPLICATE\"], \"reasons\": \"dup\"}")
                .post("/api/v1/tickets/" + refused + "/refusal").then().statusCode(200);
        try (Connection c = Staff.owner(); PreparedStatement ps = c.prepareStatement("UPDATE ticket SET flagged = true WHERE id = ?")) {
            ps.setObject(1, dueSoon);
            ps.executeUpdate();
        }
    }

    JsonPath queue(String query) {
        return officer().get("/api/v1/tickets?assignee=" + owner + (query.isEmpty() ? "" : "&" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    List<UUID> ids(String query) {
        return queue(query).getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }

    @Test
    void openTicketsOrderedByEffectiveDueDate() {
        JsonPath page = queue("");
        assertThat(ids("")).containsExactly(overdue, dueSoon, fresh);
        assertThat(page.getString("items[0].daysLeft.urgency")).isEqualTo("OVERDUE");
        assertThat(page.getString("items[0].daysLeft.text")).startsWith("Overdue by ");
        // 27 days after receipt: due within a week, or 8 days when Christmas rolls the date forward.
        assertThat(page.getString("items[1].daysLeft.urgency"))
                .isEqualTo(page.getInt("items[1].daysLeft.days") <= 7 ? "DUE_SOON" : "ON_TRACK");
        assertThat(page.getString("items[2].daysLeft.urgency")).isEqualTo("ON_TRACK");
        assertThat(page.getString("items[2].daysLeft.text")).endsWith(" days left");
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(page.getMap("countsByStatus")).containsKeys("IDENTITY_UNVERIFIED", "PENDING_REVIEW", "REFUSED", "COMPLETED");
        assertThat(page.getInt("countsByStatus.REFUSED")).isGreaterThanOrEqualTo(1);
        assertThat(page.getInt("overdue")).isGreaterThanOrEqualTo(1);
        assertThat(page.getInt("flagged")).isGreaterThanOrEqualTo(1);
        // Issue 14: the officer working the queue sees whose request it is (auditors do not, see below).
        assertThat(page.getString("items[0].subjectEmail")).endsWith("@example.org");
    }

    @Test
    void filters() {
        assertThat(ids("status=PENDING_REVIEW")).containsExactly(fresh);
        assertThat(ids("status=REFUSED")).containsExactly(refused);
        assertThat(ids("status=IDENTITY_UNVERIFIED,PENDING_REVIEW")).containsExactly(overdue, dueSoon, fresh);
        assertThat(ids("type=ERASURE&type=OBJECTION")).containsExactly(dueSoon, fresh);
        assertThat(ids("overdue=true")).containsExactly(overdue);
        assertThat(ids("overdue=false")).containsExactly(dueSoon, fresh);
        assertThat(ids("dueWithinDays=10")).containsExactly(overdue, dueSoon);
        assertThat(ids("dueWithinDays=0")).containsExactly(overdue);
        assertThat(ids("dueWithinDays=60")).containsExactly(overdue, dueSoon, fresh);
        assertThat(ids("flagged=true")).containsExactly(dueSoon);
        assertThat(ids("flagged=false")).containsExactly(overdue, fresh);
        assertThat(as("admin").get("/api/v1/tickets?assignee=none&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.assignee")).allMatch(java.util.Objects::isNull);
        UUID mine = register("ACCESS", "{}", Instant.now().minus(Duration.ofDays(60)));
        officer().body("{\"assignee\": \"officer\"}").post("/api/v1/tickets/" + mine + "/assignment").then().statusCode(200);
        JsonPath assignedToMe = officer().get("/api/v1/tickets?assignee=me&size=200").then().statusCode(200).extract().jsonPath();
        assertThat(assignedToMe.getList("items.assignee")).containsOnly("officer");
        assertThat(assignedToMe.getList("items.id")).contains(mine.toString());
    }

    @Test
    void pagination() {
        JsonPath first = queue("size=2");
        assertThat(first.getList("items.id", String.class)).containsExactly(overdue.toString(), dueSoon.toString());
        assertThat(first.getInt("totalPages")).isEqualTo(2);
        assertThat(ids("size=2&page=1")).containsExactly(fresh);
        assertThat(ids("size=2&page=5")).isEmpty();
    }

    @Test
    void badFilterValuesAreNamed() {
        officer().get("/api/v1/tickets?status=LOST").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        officer().get("/api/v1/tickets?page=-1").then().statusCode(400).body("errors.field", hasItem("page"));
        officer().get("/api/v1/tickets?overdue=maybe").then().statusCode(400).body("errors.field", hasItem("overdue"));
        officer().get("/api/v1/tickets?dueWithinDays=soon").then().statusCode(400).body("errors.field", hasItem("dueWithinDays"));
    }

    @Test
    void theQueueQueryCanUseThePartialIndex() throws Exception {
        for (QueueFilter filter : List.of(
                new QueueFilter(List.of(), List.of(), null, null, null, null, 0, 25),
                new QueueFilter(List.of(), List.of(RequestType.ACCESS), true, 7, "officer", true, 0, 25),
                new QueueFilter(List.of(), List.of(), null, 14, QueueFilter.UNASSIGNED, false, 2, 25))) {
            // (With a status filter the planner may rightly prefer ticket_status_ix; that is not asserted.)
            Map<String, Object> params = new LinkedHashMap<>();
            String where = TicketQueue.where(filter, LocalDate.now(), params);
            String sql = TicketQueue.selectSql(where) + " LIMIT 25";
            for (var p : params.entrySet()) {
                String literal = p.getValue() instanceof List<?> list
                        ? String.join(",", list.stream().map(v -> "'" + v + "'").toList())
                        : "'" + p.getValue() + "'";
                sql = sql.replace(":" + p.getKey(), literal);
            }
            StringBuilder plan = new StringBuilder();
            try (Connection c = Staff.owner(); Statement s = c.createStatement()) {
                s.execute("SET enable_seqscan = off");
                try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            assertThat(plan.toString()).contains("ticket_open_due_ix");
        }
    }

    @Test
    void theQueueNeedsNoTicketToBeListedForAnAuditor() {
        as("auditor").get("/api/v1/tickets?assignee=" + owner).then().statusCode(200)
                .body("items.id", hasItem(fresh.toString()))
                .body(org.hamcrest.Matchers.not(containsString("example.org")));
    }
}
