package dev.rightsdesk.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Finding 4 of issue 13: a POST without {@code Content-Type} to the staff API (foreign {@code Origin}, Basic
 * credentials) was taken, a cross-site request path without a CORS preflight. Every JSON endpoint now requires
 * {@code application/json} and answers 415 problem+json otherwise, the public intake too.
 */
@QuarkusTest
class ContentTypeTest {

    static String ticket() {
        String id = given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON).body("""
                {"type": "ACCESS", "channel": "POST", "receivedAt": "2026-11-30T10:00:00Z",
                 "subject": {"email": "post-%s@example.org", "name": "Grace Hopper"}, "details": {}}"""
                .formatted(UUID.randomUUID())).post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        return id;
    }

    @Test
    void aStaffPostWithoutContentTypeIsRefused() throws Exception {
        String id = ticket();
        String basic = "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString("officer:officer".getBytes());
        try (RawHttp http = RawHttp.open()) {
            RawHttp.Answer answer = http.post("/api/v1/tickets/" + id + "/notes", null,
                    "{\"text\":\"from another site\"}".getBytes(StandardCharsets.UTF_8), basic, "Origin: https://evil.example");
            assertThat(answer.status()).isEqualTo(415);
            assertThat(answer.header("content-type")).startsWith("application/problem+json");
            assertThat(answer.text()).contains("unsupported-media-type").contains("application/json");
        }
        // text/plain (what a cross-site form can send) is refused the same way
        given().auth().preemptive().basic("officer", "officer").contentType("text/plain").body("{\"text\":\"x\"}")
                .post("/api/v1/tickets/" + id + "/notes").then().statusCode(415).contentType("application/problem+json");
        // nothing was noted
        String trail = given().auth().preemptive().basic("officer", "officer").get("/api/v1/tickets/" + id + "/audit")
                .then().statusCode(200).extract().asString();
        assertThat(trail).doesNotContain("from another site");
    }

    @Test
    void thePublicIntakeRequiresJsonToo() throws Exception {
        byte[] body = ("{\"type\":\"ACCESS\",\"subject\":{\"email\":\"ct-" + UUID.randomUUID() + "@example.org\"}}")
                .getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = RawHttp.open()) {
            RawHttp.Answer answer = http.post("/api/v1/requests", null, body);
            assertThat(answer.status()).isEqualTo(415);
            assertThat(answer.text()).contains("unsupported-media-type");
        }
        given().contentType("text/plain").body(new String(body, StandardCharsets.UTF_8)).post("/api/v1/requests")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(new String(body, StandardCharsets.UTF_8)).post("/api/v1/requests")
                .then().statusCode(202);
    }
}
