package dev.rightsdesk.officer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every staff endpoint, from one list: unauthenticated callers get 401 (API) or the sign-in page (UI), a signed-in
 * user without a staff role gets 403, auditors get 403 on every action, and the roles allowed get through. The
 * list is checked against the OpenAPI document, so a new staff endpoint cannot be forgotten here.
 */
@QuarkusTest
class StaffEndpointsSecurityTest {

    static final Set<String> READERS = Set.of("officer", "admin", "auditor");
    static final Set<String> ACTORS = Set.of("officer", "admin");

    record Endpoint(String method, String path, Set<String> allowed, boolean ui) {
        String concrete() {
            return path.replace("{id}", UUID.randomUUID().toString())
                    .replace("{taskId}", UUID.randomUUID().toString())
                    .replace("{remediationId}", UUID.randomUUID().toString())
                    .replace("{type}", "customerId")
                    .replace("{key}", "crm");
        }
    }

    static final List<Endpoint> STAFF_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/tickets", READERS, false),
            new Endpoint("POST", "/api/v1/tickets", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/bulk/approval", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/bulk/refusal", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/bulk/closure", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/bulk/assignment", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/search", READERS, false),
            new Endpoint("GET", "/api/v1/tickets/{id}", READERS, false),
            new Endpoint("GET", "/api/v1/tickets/{id}/audit", READERS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/verification", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/approval", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/refusal", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/extension", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/assignment", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/notes", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/closure", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/objection-decision", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/tasks/{taskId}/resend", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/identifiers/{type}/verification", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/tasks/{taskId}/manual-completion", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/remediations/{remediationId}/outcome", ACTORS, false),
            new Endpoint("GET", "/api/v1/audit/verify", READERS, false),
            new Endpoint("GET", "/api/v1/systems", READERS, false),
            new Endpoint("GET", "/api/v1/systems/{key}", READERS, false),
            new Endpoint("GET", "/officer", READERS, true),
            new Endpoint("POST", "/officer", READERS, true),
            new Endpoint("GET", "/officer/tickets/{id}", READERS, true),
            new Endpoint("GET", "/officer/tickets/{id}/audit.json", READERS, true),
            new Endpoint("GET", "/officer/register", ACTORS, true),
            new Endpoint("POST", "/officer/register", ACTORS, true),
            new Endpoint("POST", "/officer/bulk", ACTORS, true),
            new Endpoint("POST", "/officer/logout", READERS, true),
            new Endpoint("POST", "/officer/tickets/{id}/verification", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/approval", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/refusal", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/extension", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/assignment", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/notes", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/closure", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/objection-decision", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/tasks/{taskId}/resend", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/identifiers/{type}/verification", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/tasks/{taskId}/manual-completion", ACTORS, true),
            new Endpoint("POST", "/officer/tickets/{id}/remediations/{remediationId}/outcome", ACTORS, true));

    static final Map<String, Map<String, String>> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Signs in through the form (as a browser does) and returns its cookies: the sign-in cookie and the session's. */
    static Map<String, String> session(String user) {
        return SESSIONS.computeIfAbsent(user, u -> {
            var response = given().redirects().follow(false).contentType(ContentType.URLENC)
                    .formParam("j_username", u).formParam("j_password", u).post("/j_security_check");
            assertThat(response.statusCode()).as("form sign-in of " + u).isEqualTo(302);
            assertThat(response.cookies()).containsKeys("quarkus-credential", "rightsdesk-session");
            return Map.of("quarkus-credential", response.cookie("quarkus-credential"),
                    "rightsdesk-session", response.cookie("rightsdesk-session"));
        });
    }

    static RequestSpecification call(Endpoint e) {
        RequestSpecification spec = given().redirects().follow(false);
        if (!e.method().equals("POST")) {
            return spec;
        }
        return e.ui() ? spec.contentType(ContentType.URLENC).formParam("reason", "x") : spec.contentType(ContentType.JSON).body("{}");
    }

    static List<Endpoint> api() {
        return STAFF_ENDPOINTS.stream().filter(e -> !e.ui()).toList();
    }

    static List<Endpoint> ui() {
        return STAFF_ENDPOINTS.stream().filter(Endpoint::ui).toList();
    }

    static int status(RequestSpecification spec, Endpoint e, String path) {
        return (e.method().equals("POST") ? spec.post(path) : spec.get(path)).statusCode();
    }

    @Test
    void unauthenticatedCallsAreRefused() {
        for (Endpoint e : api()) {
            var response = e.method().equals("POST") ? call(e).post(e.concrete()) : call(e).get(e.concrete());
            assertThat(response.statusCode()).as(e.method() + " " + e.path()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(e.path()).startsWith("Basic");
        }
    }

    @Test
    void unauthenticatedPagesSendToTheSignInPage() {
        for (Endpoint e : ui()) {
            var response = e.method().equals("POST") ? call(e).post(e.concrete()) : call(e).get(e.concrete());
            assertThat(response.statusCode()).as(e.method() + " " + e.path()).isEqualTo(302);
            assertThat(response.header("Location")).as(e.path()).endsWith("/officer/login");
            // HTTP Basic does not open the pages: they take the form sign-in only.
            var basic = call(e).auth().preemptive().basic("officer", "officer");
            assertThat(status(basic, e, e.concrete())).as("basic on " + e.path()).isEqualTo(302);
        }
        given().get("/officer/login").then().statusCode(200);
        given().get("/assets/officer.css").then().statusCode(200);
    }

    @Test
    void pagesAreForbiddenToRolesThatMayNotSeeOrDoThem() {
        for (Endpoint e : ui()) {
            for (String user : List.of("visitor", "officer", "admin", "auditor")) {
                if (e.path().equals("/officer/logout")) {
                    continue; // would end the shared session
                }
                int status = status(call(e).cookies(session(user)), e, e.concrete());
                if (e.allowed().contains(user)) {
                    assertThat(status).as(user + " on " + e.method() + " " + e.path()).isIn(200, 303, 400, 404, 409, 422);
                } else {
                    assertThat(status).as(user + " on " + e.method() + " " + e.path()).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void wrongCredentialsAreRefused() {
        for (Endpoint e : api()) {
            assertThat(status(call(e).auth().preemptive().basic("officer", "wrong"), e, e.concrete()))
                    .as(e.method() + " " + e.path()).isEqualTo(401);
        }
    }

    @Test
    void signedInUsersWithoutTheRoleAreForbidden() {
        for (Endpoint e : api()) {
            for (String user : List.of("visitor", "officer", "admin", "auditor")) {
                int status = status(call(e).auth().preemptive().basic(user, user), e, e.concrete());
                if (e.allowed().contains(user)) {
                    assertThat(status).as(user + " on " + e.method() + " " + e.path()).isIn(200, 201, 400, 404, 409, 422);
                } else {
                    assertThat(status).as(user + " on " + e.method() + " " + e.path()).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void theListCoversEveryStaffOperationInTheApiDocument() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, ops) -> {
            if (path.startsWith("/api/v1/tickets") || path.startsWith("/api/v1/audit") || path.startsWith("/api/v1/systems")) {
                ops.keySet().forEach(method -> documented.add(method.toUpperCase() + " " + path));
            }
        });
        Set<String> listed = new TreeSet<>();
        STAFF_ENDPOINTS.forEach(e -> listed.add(e.method() + " " + e.path()));
        List<String> missing = new ArrayList<>(documented);
        missing.removeAll(listed);
        assertThat(missing).as("staff operations missing from STAFF_ENDPOINTS").isEmpty();
    }
}
