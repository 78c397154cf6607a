package dev.rightsdesk.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Finding 5 of issue 13 (headers, cookies, login CSRF; the throttle is {@link SignInThrottleTest}): officer pages
 * carry a CSP that forbids framing and scripts, {@code nosniff} and {@code Cache-Control: no-store}; behind the
 * ingress ({@code X-Forwarded-Proto: https}) every cookie is {@code Secure}; a sign-in posted from another site
 * gets no session.
 */
@QuarkusTest
class OfficerHeadersTest {

    static void assertPageHeaders(Response page, String what) {
        assertThat(page.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'")
                .contains("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(page.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(page.header("Cache-Control")).as(what).contains("no-store");
        assertThat(page.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    }

    @Test
    void officerPagesCarrySecurityHeaders() {
        Map<String, String> cookies = SignIn.cookies("officer");
        String id = ContentTypeTest.ticket();
        for (String path : List.of("/officer", "/officer/tickets/" + id, "/officer/tickets/" + id + "/audit.json",
                "/officer/register", "/officer/login")) {
            Response page = given().redirects().follow(false).cookies(cookies).get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertPageHeaders(page, path);
        }
        assertPageHeaders(given().redirects().follow(false).get("/officer"), "the redirect to sign in");
    }

    @Test
    void behindTlsEveryCookieIsSecure() {
        Response signIn = SignIn.post("admin", "admin", "X-Forwarded-Proto", "https");
        assertThat(signIn.statusCode()).isEqualTo(302);
        List<String> setCookies = signIn.headers().getValues("Set-Cookie");
        assertThat(setCookies).anyMatch(c -> c.startsWith("quarkus-credential=")).anyMatch(c -> c.startsWith("rightsdesk-session="));
        assertThat(setCookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));

        Response out = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie("quarkus-credential", signIn.cookie("quarkus-credential"))
                .cookie("rightsdesk-session", signIn.cookie("rightsdesk-session"))
                .contentType(ContentType.URLENC).post("/officer/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().getValues("Set-Cookie")).hasSize(2)
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));

        // plain local HTTP (the embedded run on localhost) keeps cookies usable without TLS
        assertThat(SignIn.post("admin", "admin").headers().getValues("Set-Cookie"))
                .noneMatch(c -> c.toLowerCase().contains("; secure"));
    }

    @Test
    void aSignInFromAnotherSiteGetsNoSession() {
        for (String[] header : List.of(new String[] {"Origin", "https://evil.example"},
                new String[] {"Sec-Fetch-Site", "cross-site"}, new String[] {"Origin", "null"})) {
            Response answer = SignIn.post("officer", "officer", header[0], header[1]);
            assertThat(answer.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.headers().getValues("Set-Cookie")).as("no session").isEmpty();
        }
        // the site's own page signs in
        Response own = SignIn.post("officer", "officer", "Origin", "http://localhost:" + RestAssured.port,
                "Sec-Fetch-Site", "same-origin");
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(own.cookie("rightsdesk-session")).isNotBlank();
    }
}
