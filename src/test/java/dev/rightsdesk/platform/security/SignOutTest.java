package dev.rightsdesk.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Finding 3 of issue 13: after {@code POST /officer/logout} the old cookie still opened the queue. Sessions are now
 * server-side rows: sign-out deletes the row, and idle and absolute timeouts end a session on every replica.
 */
@QuarkusTest
class SignOutTest {

    @Test
    void afterSignOutTheOldCookiesOpenNothing() {
        Map<String, String> cookies = SignIn.cookies("officer");
        assertThat(SignIn.queue(cookies).statusCode()).isEqualTo(200);

        var out = given().redirects().follow(false).cookies(cookies).contentType(ContentType.URLENC)
                .post("/officer/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/officer/login?signedOut=true");

        var replay = SignIn.queue(cookies);
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.header("Location")).endsWith("/officer/login");
        // also from a form post, and the staff API does not take the cookie at all
        assertThat(given().redirects().follow(false).cookies(cookies).contentType(ContentType.URLENC).formParam("note", "x")
                .post("/officer/tickets/" + java.util.UUID.randomUUID() + "/notes").statusCode()).isEqualTo(302);
        assertThat(given().cookies(cookies).get("/api/v1/tickets").statusCode()).isEqualTo(401);
    }

    @Test
    void anIdleSessionEnds() throws Exception {
        Map<String, String> cookies = SignIn.cookies("auditor");
        assertThat(SignIn.queue(cookies).statusCode()).isEqualTo(200);
        age("last_seen_at", "31 minutes", cookies);
        assertThat(SignIn.queue(cookies).statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionEndsAfterItsAbsoluteTimeoutHoweverBusy() throws Exception {
        Map<String, String> cookies = SignIn.cookies("admin");
        assertThat(SignIn.queue(cookies).statusCode()).isEqualTo(200);
        age("created_at", "9 hours", cookies);
        assertThat(SignIn.queue(cookies).statusCode()).isEqualTo(302);
    }

    @Test
    void theTableHoldsNoUsableToken() throws Exception {
        Map<String, String> cookies = SignIn.cookies("officer");
        try (Connection c = owner(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM staff_session WHERE encode(token_hash, 'escape') LIKE ? OR encode(token_hash, 'base64') = ?")) {
            s.setString(1, "%" + cookies.get("rightsdesk-session") + "%");
            s.setString(2, cookies.get("rightsdesk-session"));
            var rs = s.executeQuery();
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    /** Moves this session's timestamp back (as if time had passed). */
    private static void age(String column, String interval, Map<String, String> cookies) throws Exception {
        try (Connection c = owner(); PreparedStatement s = c.prepareStatement("UPDATE staff_session SET " + column + " = "
                + column + " - interval '" + interval + "' WHERE token_hash = sha256(convert_to(?, 'UTF8'))")) {
            s.setString(1, cookies.get("rightsdesk-session"));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection owner() throws Exception {
        return DriverManager.getConnection(EmbeddedEnginesTestResource.postgres().jdbcUrl(), "postgres", "");
    }
}
