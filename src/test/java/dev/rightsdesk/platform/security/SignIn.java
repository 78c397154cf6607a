package dev.rightsdesk.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/** Form sign-in as a browser does it, for the tests of sessions, cookies and headers. */
final class SignIn {

    private SignIn() {
    }

    static Response post(String user, String password, String... headers) {
        var spec = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", password);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            spec = spec.header(headers[i], headers[i + 1]);
        }
        return spec.post("/j_security_check");
    }

    /** Signs in and returns both cookies (sign-in and session). */
    static Map<String, String> cookies(String user) {
        Response response = post(user, user);
        assertThat(response.statusCode()).as("sign-in of " + user).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/officer");
        return Map.of("quarkus-credential", response.cookie("quarkus-credential"),
                "rightsdesk-session", response.cookie("rightsdesk-session"));
    }

    /** GET /officer with these cookies: 200 when signed in, 302 to the sign-in page otherwise. */
    static Response queue(Map<String, String> cookies) {
        return given().redirects().follow(false).cookies(cookies).get("/officer");
    }
}
