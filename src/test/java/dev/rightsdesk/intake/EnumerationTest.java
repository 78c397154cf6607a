package dev.rightsdesk.intake;

import static dev.rightsdesk.intake.SubjectTestSupport.awaitStatusToken;
import static dev.rightsdesk.intake.SubjectTestSupport.freshEmail;
import static dev.rightsdesk.intake.SubjectTestSupport.mailbox;
import static dev.rightsdesk.intake.SubjectTestSupport.submitAccess;
import static dev.rightsdesk.intake.SubjectTestSupport.verifyByApi;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.intake.web.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nothing the service answers tells whether an e-mail address is known to it. */
@QuarkusTest
class EnumerationTest {

    static String normalise(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "<instant>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}", "<date>");
    }

    @Test
    void theLinkLookupAnswersTheSameForKnownAndUnknownAddresses() {
        String known = freshEmail("known");
        String id = submitAccess(known);
        verifyByApi(id, known);
        awaitStatusToken(known);
        int mailsBefore = mailbox().to(known).size();
        String unknown = freshEmail("unknown");

        Response forKnown = given().contentType(ContentType.JSON).body("{\"email\":\"" + known + "\",\"locale\":\"en\"}")
                .post("/api/v1/status-links");
        Response forUnknown = given().contentType(ContentType.JSON).body("{\"email\":\"" + unknown + "\",\"locale\":\"en\"}")
                .post("/api/v1/status-links");
        assertThat(forKnown.statusCode()).isEqualTo(forUnknown.statusCode()).isEqualTo(202);
        assertThat(forKnown.asString()).isEqualTo(forUnknown.asString());
        assertThat(forKnown.getHeaders().asList().stream().map(h -> h.getName()).sorted().toList())
                .isEqualTo(forUnknown.getHeaders().asList().stream().map(h -> h.getName()).sorted().toList());

        // the web page too
        Response page = given().get("/status-link");
        String csrf = page.getCookie(Csrf.COOKIE);
        String webKnown = given().cookie(Csrf.COOKIE, csrf).formParam("_csrf", csrf).formParam("email", known)
                .post("/status-link").then().statusCode(200).extract().asString();
        String webUnknown = given().cookie(Csrf.COOKIE, csrf).formParam("_csrf", csrf).formParam("email", unknown)
                .post("/status-link").then().statusCode(200).extract().asString();
        assertThat(webKnown).isEqualTo(webUnknown);

        // only the owner of a known address gets mail, with the link in it
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox().to(known).size() >= mailsBefore + 2);
        assertThat(mailbox().to(known).get(0).text()).contains("/status/");
        assertThat(mailbox().to(unknown)).isEmpty();
    }

    @Test
    void aSubmissionAnswersTheSameForKnownAndUnknownAddresses() {
        String known = freshEmail("repeat");
        submitAccess(known);
        String unknown = freshEmail("firsttime");
        Response again = given().contentType(ContentType.JSON)
                .body("{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + known + "\"},\"locale\":\"en\"}").post("/api/v1/requests");
        Response first = given().contentType(ContentType.JSON)
                .body("{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + unknown + "\"},\"locale\":\"en\"}").post("/api/v1/requests");
        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
        assertThat(normalise(again.asString())).isEqualTo(normalise(first.asString()));
    }
}
