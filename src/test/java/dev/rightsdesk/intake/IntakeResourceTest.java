package dev.rightsdesk.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import dev.rightsdesk.ticket.TicketStatusChange;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class IntakeResourceTest {

    static final String UUID_V4 = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    static String body(String type, String details) {
        return """
                {"type": "%s", "subject": {"email": "ada@example.org", "name": "Ada", "identifiers": {"customerId": "C-1"}},
                 "details": %s, "locale": "en"}""".formatted(type, details);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCESS", "RECTIFICATION", "ERASURE", "OBJECTION"})
    void everyRequestTypeIsAcceptedAndPersisted(String type) {
        String details = switch (type) {
            case "RECTIFICATION" -> "{\"corrections\": [{\"field\": \"address\", \"currentValue\": \"Old 1\", \"correctedValue\": \"New 2\"}]}";
            case "ERASURE" -> "{\"ground\": \"17(1)(a)\"}";
            case "OBJECTION" -> "{\"basis\": \"LEGITIMATE_INTEREST\", \"purposes\": [\"ai-training\"]}";
            default -> "{}";
        };
        String id = given().contentType(ContentType.JSON).body(body(type, details))
                .when().post("/api/v1/requests")
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/requests/[0-9a-f-]{36}$"))
                .body("id", matchesPattern(UUID_V4))
                .body("type", equalTo(type))
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body("receivedAt", notNullValue())
                .body("dueDate", matchesPattern("^\\d{4}-\\d{2}-\\d{2}$"))
                .body("statusUrl", containsString("/api/v1/requests/"))
                .extract().path("id");

        Ticket stored = QuarkusTransaction.requiringNew().call(() -> Ticket.findById(UUID.fromString(id)));
        assertThat(stored).isNotNull();
        assertThat(stored.type.name()).isEqualTo(type);
        assertThat(stored.status).isEqualTo(TicketStatus.IDENTITY_UNVERIFIED);
        assertThat(stored.subjectEmail).isEqualTo("ada@example.org");
        assertThat(stored.effectiveDue).isAfter(stored.receivedOn);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TicketStatusChange.history(stored.id)))
                .extracting(c -> c.toStatus).containsExactly(TicketStatus.IDENTITY_UNVERIFIED);

        given().when().get("/api/v1/requests/" + id)
                .then().statusCode(200)
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body(not(containsString("ada@example.org")))
                .body(not(containsString("Ada")));
    }

    @Test
    void unknownRequestIdIsA404Problem() {
        given().when().get("/api/v1/requests/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().get("/api/v1/requests/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badEmailIsNamedAndNotEchoed() {
        given().contentType(ContentType.JSON)
                .body("{\"type\": \"ACCESS\", \"subject\": {\"email\": \"not-an-address\"}}")
                .when().post("/api/v1/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("subject.email"))
                .body(not(containsString("not-an-address")));
    }
}
