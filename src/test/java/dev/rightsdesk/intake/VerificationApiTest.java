package dev.rightsdesk.intake;

import static dev.rightsdesk.intake.SubjectTestSupport.freshEmail;
import static dev.rightsdesk.intake.SubjectTestSupport.latestCode;
import static dev.rightsdesk.intake.SubjectTestSupport.awaitCode;
import static dev.rightsdesk.intake.SubjectTestSupport.submitAccess;
import static dev.rightsdesk.intake.SubjectTestSupport.wrong;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.rightsdesk.intake.verification.VerificationCode;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The code rules through the JSON API: single use, expiry, three tries, resend, binding to the request. */
@QuarkusTest
class VerificationApiTest {

    static io.restassured.response.ValidatableResponse enter(String id, String code) {
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .when().post("/api/v1/requests/" + id + "/verification").then();
    }

    static Ticket ticket(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.findById(UUID.fromString(id)));
    }

    @Test
    void theRightCodeVerifiesOnceAndOpensTheStatus() {
        String email = freshEmail("verify");
        String id = submitAccess(email);
        String code = latestCode(email);
        assertThat(code).hasSize(6).containsOnlyDigits();
        assertThat(SubjectTestSupport.mailbox().to(email).get(0).text()).contains("/requests/" + id + "/verify");

        String token = enter(id, code).statusCode(200)
                .body("statusToken", matchesPattern("^[A-Za-z0-9_-]{43}$"))
                .body("statusPageUrl", matchesPattern("^/status/[A-Za-z0-9_-]{43}$"))
                .extract().path("statusToken");
        assertThat(ticket(id).status).isEqualTo(TicketStatus.PENDING_REVIEW);
        assertThat(ticket(id).verifiedAt).isNotNull();

        // single use: the same code again is refused, and no token is handed out for a bare id
        enter(id, code).statusCode(409).body("type", equalTo("https://rightsdesk.dev/problems/already-verified"));

        // the status token adds the explanation; the bare id does not
        given().get("/api/v1/requests/" + id).then().statusCode(200).body("explanation", nullValue())
                .body("verified", equalTo(true)).body("stage", equalTo("CHECKING"));
        given().header("Status-Token", token).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("explanation.complaint.supervisoryAuthority", notNullValue())
                .body("explanation.complaint.judicialRemedy", equalTo(true));
    }

    @Test
    void threeWrongCodesKillTheCodeAndANewOneIsNeeded() {
        String email = freshEmail("tries");
        String id = submitAccess(email);
        String code = latestCode(email);

        enter(id, wrong(code)).statusCode(422).body("type", equalTo("https://rightsdesk.dev/problems/code-wrong"))
                .body("detail", matchesPattern(".*2 more attempt.*"));
        enter(id, wrong(code)).statusCode(422).body("type", equalTo("https://rightsdesk.dev/problems/code-wrong"));
        enter(id, wrong(code)).statusCode(422).body("type", equalTo("https://rightsdesk.dev/problems/code-exhausted"));
        // now even the right code no longer works
        enter(id, code).statusCode(422).body("type", equalTo("https://rightsdesk.dev/problems/code-exhausted"));
        assertThat(ticket(id).status).isEqualTo(TicketStatus.IDENTITY_UNVERIFIED);

        given().post("/api/v1/requests/" + id + "/verification-code").then().statusCode(202).body("status", equalTo("sent"));
        String fresh = awaitCode(email, 2);
        enter(id, fresh).statusCode(200);
    }

    @Test
    void anExpiredCodeIsRefused() {
        String email = freshEmail("expiry");
        String id = submitAccess(email);
        String code = latestCode(email);
        QuarkusTransaction.requiringNew().run(() -> VerificationCode.update(
                "expiresAt = ?1 where ticketId = ?2", Instant.now().minusSeconds(1), UUID.fromString(id)));
        enter(id, code).statusCode(422).body("type", equalTo("https://rightsdesk.dev/problems/code-expired"));
        assertThat(ticket(id).status).isEqualTo(TicketStatus.IDENTITY_UNVERIFIED);
    }

    @Test
    void aResentCodeReplacesTheOldOne() {
        String email = freshEmail("resend");
        String id = submitAccess(email);
        String first = latestCode(email);
        given().post("/api/v1/requests/" + id + "/verification-code").then().statusCode(202);
        String second = awaitCode(email, 2);
        if (!first.equals(second)) {
            // the replaced code counts as a wrong entry against the new one
            enter(id, first).statusCode(422).body("type", equalTo("https://rightsdesk.dev/problems/code-wrong"));
        }
        enter(id, second).statusCode(200);
    }

    @Test
    void aCodeIsBoundToItsRequest() {
        String email = freshEmail("bound");
        String one = submitAccess(email);
        String codeOfOne = latestCode(email);
        String two = submitAccess(email);
        String codeOfTwo = awaitCode(email, 2);
        if (!codeOfOne.equals(codeOfTwo)) {
            enter(two, codeOfOne).statusCode(422);
        }
        enter(one, codeOfOne).statusCode(200);
        enter(two, codeOfTwo).statusCode(200);
    }

    @Test
    void unknownRequestsAndMissingCodes() {
        enter(UUID.randomUUID().toString(), "123456").statusCode(404);
        given().post("/api/v1/requests/" + UUID.randomUUID() + "/verification-code").then().statusCode(404);
        String id = submitAccess(freshEmail("empty"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + id + "/verification")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
    }
}
