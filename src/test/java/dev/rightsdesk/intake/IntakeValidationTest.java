package dev.rightsdesk.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.rightsdesk.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets problem+json naming the field, echoes nothing, and stores nothing. */
@QuarkusTest
class IntakeValidationTest {

    static final String CANARY = "canary-7f3a@example.org";
    long ticketsBefore;

    @BeforeEach
    void countTickets() {
        ticketsBefore = QuarkusTransaction.requiringNew().call(() -> Ticket.count());
    }

    @AfterEach
    void nothingStored() {
        long after = QuarkusTransaction.requiringNew().call(() -> Ticket.count());
        assertThat(after).isEqualTo(ticketsBefore);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("missing e-mail", "{\"type\":\"ACCESS\",\"subject\":{\"name\":\"Ada\"}}", "subject.email"),
                Arguments.of("malformed e-mail", "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + "nope@" + "\"}}", "subject.email"),
                Arguments.of("e-mail without domain dot", "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"a@b\"}}", "subject.email"),
                Arguments.of("missing subject", "{\"type\":\"ACCESS\"}", "subject"),
                Arguments.of("missing type", "{\"subject\":{\"email\":\"" + CANARY + "\"}}", "type"),
                Arguments.of("unknown type", "{\"type\":\"DELETE_EVERYTHING\",\"subject\":{\"email\":\"" + CANARY + "\"}}", "type"),
                Arguments.of("unknown top-level field", "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY + "\"},\"admin\":true}", "admin"),
                Arguments.of("unknown subject field", "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY + "\",\"ssn\":\"1\"}}", "subject.ssn"),
                Arguments.of("rectification without items", "{\"type\":\"RECTIFICATION\",\"subject\":{\"email\":\"" + CANARY + "\"},\"details\":{\"corrections\":[]}}", "details.corrections"),
                Arguments.of("rectification without details", "{\"type\":\"RECTIFICATION\",\"subject\":{\"email\":\"" + CANARY + "\"}}", "details.corrections"),
                Arguments.of("correction without corrected value", "{\"type\":\"RECTIFICATION\",\"subject\":{\"email\":\"" + CANARY + "\"},\"details\":{\"corrections\":[{\"field\":\"name\"}]}}", "details.corrections[0].correctedValue"),
                Arguments.of("unknown field in details", "{\"type\":\"ERASURE\",\"subject\":{\"email\":\"" + CANARY + "\"},\"details\":{\"why\":\"x\"}}", "details.why"),
                Arguments.of("unknown erasure ground", "{\"type\":\"ERASURE\",\"subject\":{\"email\":\"" + CANARY + "\"},\"details\":{\"ground\":\"17(9)\"}}", "details.ground"),
                Arguments.of("objection without basis", "{\"type\":\"OBJECTION\",\"subject\":{\"email\":\"" + CANARY + "\"},\"details\":{\"purposes\":[\"ai-training\"]}}", "details.basis"),
                Arguments.of("objection with unknown basis", "{\"type\":\"OBJECTION\",\"subject\":{\"email\":\"" + CANARY + "\"},\"details\":{\"basis\":\"WHIM\",\"purposes\":[\"ai-training\"]}}", "details.basis"),
                Arguments.of("objection without purposes", "{\"type\":\"OBJECTION\",\"subject\":{\"email\":\"" + CANARY + "\"},\"details\":{\"basis\":\"DIRECT_MARKETING\"}}", "details.purposes"),
                Arguments.of("access with details", "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY + "\"},\"details\":{\"x\":1}}", "details"),
                Arguments.of("unknown locale", "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY + "\"},\"locale\":\"xx\"}", "locale"),
                Arguments.of("identifiers of the wrong type", "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY + "\",\"identifiers\":[1,2]}}", "subject.identifiers"),
                Arguments.of("subject as a string", "{\"type\":\"ACCESS\",\"subject\":\"" + CANARY + "\"}", "subject"),
                Arguments.of("body is an array", "[1,2,3]", "body"),
                Arguments.of("not JSON", "type=ACCESS&email=" + CANARY, "body"),
                Arguments.of("truncated JSON", "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY, "body"),
                Arguments.of("empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputIsAProblemNamingTheField(String name, String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", startsWith("https://rightsdesk.dev/problems/"))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("errors.field", hasItem(field))
                .body(not(containsString(CANARY)));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY + "\"}}")
                .when().post("/api/v1/requests")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY + "\",\"name\":\"" + "x".repeat(70_000) + "\"}}";
        given().contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/requests")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void overlongFieldsAreNamed() {
        String body = "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY + "\",\"name\":\"" + "x".repeat(300) + "\"}}";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests")
                .then().statusCode(400).body("errors.field", hasItem("subject.name"));
    }

    @Test
    void badIdempotencyKeyIsNamed() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201))
                .body("{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + CANARY + "\"}}")
                .when().post("/api/v1/requests")
                .then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
    }
}
