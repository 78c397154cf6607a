package dev.rightsdesk.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Finding 6 of issue 13: a NUL byte in a queue filter gave 500; chunked bodies slipped past the 64 KiB limit (and
 * over 1 MiB got a bare 413 and ERROR logs); an address the mailer cannot use was accepted; invalid UTF-8 was
 * accepted; 401s for an empty Basic or a Bearer header had no problem body. Each now gets a problem naming what is
 * wrong.
 */
@QuarkusTest
class InputEdgeCasesTest {

    static final String BASIC = "Authorization: Basic " + Base64.getEncoder().encodeToString("officer:officer".getBytes());

    static byte[] requestPadded(int size) {
        String head = "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"big-" + UUID.randomUUID() + "@example.org\",\"name\":\"";
        String tail = "\"}}";
        byte[] pad = new byte[Math.max(0, size - head.length() - tail.length())];
        Arrays.fill(pad, (byte) 'a');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(pad);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void aNulByteInAFilterIsA400NamingTheParameter() throws Exception {
        Map<String, String> session = SignIn.cookies("officer");
        try (RawHttp http = RawHttp.open()) {
            RawHttp.Answer api = http.get("/api/v1/tickets?assignee=x%00y", BASIC);
            assertThat(api.status()).isEqualTo(400);
            assertThat(api.header("content-type")).startsWith("application/problem+json");
            assertThat(api.text()).contains("\"field\":\"assignee\"").doesNotContain("x\\u0000y");
            RawHttp.Answer page = http.get("/officer?assignee=x%00y", "Cookie: quarkus-credential="
                    + session.get("quarkus-credential") + "; rightsdesk-session=" + session.get("rightsdesk-session"));
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.text()).contains("\"field\":\"assignee\"");
            assertThat(http.get("/api/v1/tickets?assignee=%C3%28", BASIC).status()).as("not UTF-8").isEqualTo(400);
            assertThat(http.get("/api/v1/tickets?assignee=x", BASIC).status()).isEqualTo(200);
        }
    }

    @Test
    void chunkedBodiesOverTheLimitGetA413Problem() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            for (int size : List.of(200 * 1024, 1024 * 1024 + 200 * 1024)) {
                try (RawHttp http = new RawHttp(20_000)) {
                    RawHttp.Answer answer = http.postChunked("/api/v1/requests", "application/json", requestPadded(size));
                    assertThat(answer.status()).as(size + " bytes").isEqualTo(413);
                    assertThat(answer.header("content-type")).as(size + " bytes").startsWith("application/problem+json");
                    assertThat(answer.text()).contains("payload-too-large").contains("65536");
                }
            }
            assertThat(log.atLeast(Level.SEVERE)).as("errors logged").isEmpty();
        }
        // a chunked body within the limit is still taken
        try (RawHttp http = RawHttp.open()) {
            assertThat(http.postChunked("/api/v1/requests", "application/json", requestPadded(200)).status()).isEqualTo(202);
        }
    }

    @Test
    void addressesTheMailerCannotUseAreRefused() {
        for (String email : List.of("\"quoted local\"@example.org", "ad\u00e4@example.org", "a@[127.0.0.1]", "a..b@example.org",
                ".a@example.org", "a@exa_mple.org", "a@-example.org", "a@example.org.", "a@example.123",
                "x".repeat(65) + "@example.org", "a(comment)@example.org")) {
            var errors = given().contentType(ContentType.JSON).body(Map.of("type", "ACCESS", "subject", Map.of("email", email)))
                    .post("/api/v1/requests").then().statusCode(400).contentType("application/problem+json")
                    .extract().jsonPath().getList("errors.field");
            assertThat(errors).as(email).contains("subject.email");
        }
        for (String email : List.of("ada.lovelace+dsr@example.org", "o'brien@mail.example.co.uk", "x@xn--bcher-kva.example")) {
            given().contentType(ContentType.JSON).body(Map.of("type", "ACCESS", "subject", Map.of("email", email)))
                    .post("/api/v1/requests").then().statusCode(202);
        }
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        byte[] head = ("{\"type\":\"ACCESS\",\"subject\":{\"email\":\"u-" + UUID.randomUUID() + "@example.org\",\"name\":\"")
                .getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(head);
            body.writeBytes(bad);
            body.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));
            try (RawHttp http = RawHttp.open()) {
                RawHttp.Answer answer = http.post("/api/v1/requests", "application/json", body.toByteArray());
                assertThat(answer.status()).as(Arrays.toString(bad)).isEqualTo(400);
                assertThat(answer.header("content-type")).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void unusableAuthorizationHeadersGetAProblem() throws Exception {
        try (RawHttp http = RawHttp.open()) {
            for (String header : List.of("Authorization: Basic ", "Authorization: Basic", "Authorization: Bearer abc.def.ghi",
                    "Authorization: Basic !!!", "Authorization: Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()),
                    "Authorization: Basic " + Base64.getEncoder().encodeToString("officer:wrong".getBytes()))) {
                RawHttp.Answer answer = http.get("/api/v1/tickets", header);
                assertThat(answer.status()).as(header).isEqualTo(401);
                assertThat(answer.header("content-type")).as(header).startsWith("application/problem+json");
                assertThat(answer.header("www-authenticate")).as(header).startsWith("Basic");
                assertThat(answer.text()).as(header).contains("\"status\":401");
            }
        }
    }
}
