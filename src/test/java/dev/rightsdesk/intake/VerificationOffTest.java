package dev.rightsdesk.intake;

import static dev.rightsdesk.intake.SubjectTestSupport.awaitStatusToken;
import static dev.rightsdesk.intake.SubjectTestSupport.freshEmail;
import static dev.rightsdesk.intake.SubjectTestSupport.mailbox;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.rightsdesk.intake.web.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With verification done upstream ({@code rightsdesk.intake.verification-required=false}) no code is asked for. */
@QuarkusTest
@TestProfile(VerificationOffTest.Upstream.class)
class VerificationOffTest {

    public static class Upstream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rightsdesk.intake.verification-required", "false");
        }
    }

    @Test
    void theFormGoesStraightToTheStatusPageAndTheReceiptCarriesTheLink() {
        var page = given().get("/request/access");
        String csrf = page.getCookie(Csrf.COOKIE);
        String email = freshEmail("upstream");
        String location = given().redirects().follow(false).cookie(Csrf.COOKIE, csrf).formParam("_csrf", csrf)
                .formParam("email", email).post("/request/access").then().statusCode(303).extract().header("Location");
        assertThat(location).matches("^/status/[A-Za-z0-9_-]{43}$");
        given().get(location).then().statusCode(200).body(containsString("Your request"));

        String token = awaitStatusToken(email);
        assertThat(location).endsWith(token);
        assertThat(mailbox().to(email)).noneMatch(m -> m.subject().startsWith("Confirm your request"));
        assertThat(mailbox().to(email)).anyMatch(m -> m.subject().equals("We have received your request"));
    }
}
