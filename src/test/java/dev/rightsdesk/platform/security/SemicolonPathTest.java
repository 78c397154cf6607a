package dev.rightsdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Finding 2 of issue 13: {@code GET /officer;x} and the like never got an answer (the connection hung, a second
 * request on it too) and logged 28 KB of stack trace each ("Cookie value contains an invalid char: ;"). Sent here on
 * a raw socket, as written, signed in and not: each gets a prompt 404 problem, the connection still answers, and
 * nothing is logged at WARN or above.
 */
@QuarkusTest
class SemicolonPathTest {

    @Test
    void pathsWithASemicolonGetAPromptProblemAndTheConnectionStaysUsable() throws Exception {
        String ticket = UUID.randomUUID().toString();
        List<String> paths = List.of("/officer;x", "/officer;", "/officer/login/..;/", "/officer/tickets/" + ticket + "/audit.json;",
                "/officer%3Bx", "/api/v1/tickets;x", "/;jsessionid=1", "/officer/tickets/" + ticket + ";/audit.json");
        Map<String, String> session = SignIn.cookies("auditor");
        String cookie = "Cookie: quarkus-credential=" + session.get("quarkus-credential") + "; rightsdesk-session="
                + session.get("rightsdesk-session");
        try (LogCapture log = LogCapture.start(); RawHttp http = new RawHttp(5_000)) {
            for (String path : paths) {
                for (String[] headers : List.of(new String[0], new String[] {cookie})) {
                    RawHttp.Answer answer = http.get(path, headers);
                    assertThat(answer.status()).as(path).isEqualTo(404);
                    assertThat(answer.header("content-type")).as(path).startsWith("application/problem+json");
                    assertThat(answer.text()).as(path).contains("\"status\":404");
                }
            }
            // the same connection still answers an ordinary request
            assertThat(http.get("/officer/login").status()).isEqualTo(200);
            assertThat(log.atLeast(Level.WARNING)).as("warnings and errors").isEmpty();
            assertThat(log.texts()).noneMatch(l -> l.contains("invalid char"));
        }
    }

    @Test
    void aReturnAddressACookieCannotHoldIsStoredEncoded() throws Exception {
        try (LogCapture log = LogCapture.start(); RawHttp http = new RawHttp(5_000)) {
            RawHttp.Answer answer = http.get("/officer?assignee=a,b");
            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.header("location")).endsWith("/officer/login");
            assertThat(answer.head()).contains("quarkus-redirect-location=").contains("%2C");
            assertThat(http.get("/officer/login").status()).isEqualTo(200);
            assertThat(log.texts()).noneMatch(l -> l.contains("invalid char"));
        }
    }
}
