package dev.rightsdesk.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request through the public API, carried by Rightsdesk to a system its own worker serves: the worker answers like
 * any connector, the ticket moves on, the evidence shows on the officer's ticket page, and an identifier the subject
 * only typed does not pull in another person's row until an officer marks it verified.
 */
@QuarkusTest
@TestProfile(ConnectorTestProfile.class)
class BuiltInConnectorEndToEndTest {

    @Test
    void anErasureIsCarriedOutAndItsEvidenceShownToTheOfficer() throws Exception {
        ConnectorRuntimeTest.target("INSERT INTO people (email, name) VALUES ('erase.e2e@example.org', 'Erase')");
        UUID ticket = submit("ERASURE", "erase.e2e@example.org", "{}", "{\"ground\": \"17(1)(a)\"}");

        Task task = awaitFinal(ticket, "people");
        assertThat(task.state).isEqualTo(TaskState.COMPLETED);
        assertThat(task.evidence).contains("\"deleted\":1");
        assertThat(ConnectorRuntimeTest.count("erase.e2e@example.org")).isZero();

        var signIn = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "officer").formParam("j_password", "officer").post("/j_security_check");
        String page = given().cookie("quarkus-credential", signIn.cookie("quarkus-credential"))
                .cookie("rightsdesk-session", signIn.cookie("rightsdesk-session"))
                .when().get("/officer/tickets/" + ticket)
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("Evidence").contains("&quot;deleted&quot; : 1");
        int deleted = given().auth().preemptive().basic("officer", "officer")
                .when().get("/api/v1/tickets/" + ticket)
                .then().statusCode(200).extract().path("tasks.find { it.system == 'people' }.evidence.people.deleted");
        assertThat(deleted).isEqualTo(1);
    }

    @Test
    void aTypedCustomerNumberOfSomebodyElseBringsNoDataUntilAnOfficerVerifiesIt() throws Exception {
        ConnectorRuntimeTest.target("INSERT INTO people (email, customer_no, name) VALUES ('owner.e2e@example.org', 'E-42', 'Owner')");
        UUID ticket = submit("ACCESS", "intruder.e2e@example.org", "{\"customerId\": \"E-42\"}", "{}");

        Task task = awaitFinal(ticket, "people");
        assertThat(task.state).isEqualTo(TaskState.NOT_FOUND);
        assertThat(task.answerData).isNull();
        assertThat(task.evidence).contains("skippedUnverified").contains("customerId");

        // the officer checked it (say, against a signed contract): audited, and shown as verified
        given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON)
                .body("{\"reason\": \"checked against the signed contract\"}")
                .when().post("/api/v1/tickets/" + ticket + "/identifiers/customerId/verification")
                .then().statusCode(200);
        Ticket after = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticket));
        assertThat(after.verifiedIdentifiers()).containsExactly("customerId");
        given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON)
                .body("{\"reason\": \"again\"}")
                .when().post("/api/v1/tickets/" + ticket + "/identifiers/customerId/verification")
                .then().statusCode(409);
        given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON)
                .body("{\"reason\": \"made up\"}")
                .when().post("/api/v1/tickets/" + ticket + "/identifiers/passport/verification")
                .then().statusCode(404);
        given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON)
                .body("{}")
                .when().post("/api/v1/tickets/" + ticket + "/identifiers/customerId/verification")
                .then().statusCode(400);
    }

    static UUID submit(String type, String email, String identifiers, String details) {
        String body = """
                {"type": "%s", "subject": {"email": "%s", "identifiers": %s}, "details": %s, "locale": "en"}"""
                .formatted(type, email, identifiers, details);
        String id = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests")
                .then().statusCode(202).extract().path("id");
        return UUID.fromString(id);
    }

    static Task awaitFinal(UUID ticket, String system) {
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticket).stream()
                        .filter(t -> t.systemKey.equals(system)).findFirst().orElse(null)),
                t -> t != null && t.isFinal());
    }

    static TicketStatus status(UUID ticket) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticket).status);
    }
}
