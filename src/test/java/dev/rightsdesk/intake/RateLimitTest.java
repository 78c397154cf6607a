package dev.rightsdesk.intake;

import static dev.rightsdesk.intake.SubjectTestSupport.freshEmail;
import static dev.rightsdesk.intake.SubjectTestSupport.latestCode;
import static dev.rightsdesk.intake.SubjectTestSupport.wrong;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The limits on submission, verification and resending: 429 with Retry-After, per client address and per e-mail
 * address. Runs behind a trusted proxy (127.0.0.1), so each test is its own client by X-Forwarded-For.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    /** Small limits, and the test client trusted as a proxy. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rightsdesk.http.trusted-proxies", "127.0.0.1/32,::1/128",
                    "rightsdesk.rate-limit.submit-per-client", "3/10m",
                    "rightsdesk.rate-limit.submit-per-email", "2/1h",
                    "rightsdesk.rate-limit.verify-per-client", "4/10m",
                    "rightsdesk.rate-limit.verify-per-email", "100/1h",
                    "rightsdesk.rate-limit.resend-per-client", "100/10m",
                    "rightsdesk.rate-limit.resend-per-email", "2/1h",
                    "rightsdesk.rate-limit.lookup-per-client", "2/10m");
        }
    }

    static String client() {
        return "198.51.100." + (1 + (int) (Math.random() * 250)) + ", 10.0.0.1";
    }

    static Response submit(String forwardedFor, String email) {
        return given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON)
                .body("{\"type\":\"ACCESS\",\"subject\":{\"email\":\"" + email + "\"}}").post("/api/v1/requests");
    }

    @Test
    void submissionsPerClientAddress() {
        String client = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 3; i++) {
            submit(client, freshEmail("client")).then().statusCode(202);
        }
        Response refused = submit(client, freshEmail("client"));
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://rightsdesk.dev/problems/rate-limited"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        // another client is not affected
        submit("203.0.114.7", freshEmail("other")).then().statusCode(202);
    }

    @Test
    void submissionsPerEmailAddressWhateverTheClient() {
        String email = freshEmail("sameaddress");
        submit("192.0.2.1", email).then().statusCode(202);
        submit("192.0.2.2", email.toUpperCase()).then().statusCode(202);
        submit("192.0.2.3", email).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void codeEntriesPerClient() {
        String client = "198.51.100.9";
        String email = freshEmail("verifylimit");
        String id = submit("192.0.2.50", email).then().statusCode(202).extract().path("id");
        String code = latestCode(email);
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body("{\"code\":\"" + wrong(code) + "\"}")
                    .post("/api/v1/requests/" + id + "/verification").then().statusCode(422);
        }
        // other requests from the same client count too
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body("{\"code\":\"000000\"}")
                    .post("/api/v1/requests/" + UUID.randomUUID() + "/verification").then().statusCode(404);
        }
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/api/v1/requests/" + id + "/verification").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void resendsPerEmailAddress() {
        String email = freshEmail("resendlimit");
        String id = submit("192.0.2.60", email).then().statusCode(202).extract().path("id");
        given().header("X-Forwarded-For", client()).post("/api/v1/requests/" + id + "/verification-code").then().statusCode(202);
        given().header("X-Forwarded-For", client()).post("/api/v1/requests/" + id + "/verification-code").then().statusCode(202);
        given().header("X-Forwarded-For", client()).post("/api/v1/requests/" + id + "/verification-code").then().statusCode(429);
    }

    @Test
    void theWebFormAnswersWithAFriendlyPage() {
        var page = given().header("X-Forwarded-For", "203.0.113.200").get("/request/access");
        String csrf = page.getCookie("rd_csrf");
        String client = "203.0.113.201";
        Response last = null;
        for (int i = 0; i < 4; i++) {
            last = given().redirects().follow(false).header("X-Forwarded-For", client).cookie("rd_csrf", csrf)
                    .formParam("_csrf", csrf).formParam("email", freshEmail("webform")).post("/request/access");
        }
        last.then().statusCode(429).contentType(containsString("text/html"))
                .body(containsString("Please wait a moment")).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
