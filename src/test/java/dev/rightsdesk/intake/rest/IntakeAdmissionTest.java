package dev.rightsdesk.intake.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Past {@code rightsdesk.intake.max-in-flight} submissions at once, the next one is shed with a 503 problem and
 * {@code Retry-After}; once the others are done, submissions are accepted again. The submissions in flight are
 * held open deterministically: their bodies are still being uploaded.
 */
@QuarkusTest
class IntakeAdmissionTest {

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "rightsdesk.intake.max-in-flight")
    int maxInFlight;

    static final String BODY = "{\"type\":\"ACCESS\",\"subject\":{\"email\":\"admission@example.org\"}}";

    @Test
    void aSubmissionPastTheLimitIsShedWithRetryAfterAndTheLimitFreesUpAfter() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < maxInFlight; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                OutputStream out = socket.getOutputStream();
                // headers and half of the body: the request is admitted and waits for the rest
                out.write(("POST /api/v1/requests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                held.add(socket);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> submit() == 503);
            given().contentType(ContentType.JSON).body(BODY).post("/api/v1/requests").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "1")
                    .body("type", equalTo("https://rightsdesk.dev/problems/busy"));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> submit() == 202);
    }

    static int submit() {
        return given().contentType(ContentType.JSON).body(BODY).post("/api/v1/requests").statusCode();
    }
}
