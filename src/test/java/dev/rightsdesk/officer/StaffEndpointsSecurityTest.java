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
                    .replace("{remediationId}", UUID.randomUUID().toString());
        }
    }

    static final List<Endpoint> STAFF_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/tickets", READERS, false),
            new Endpoint("POST", "/api/v1/tickets", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/bulk/approval", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/bulk/refusal", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/bulk/closure", ACTORS, false),
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
            new Endpoint("POST", "/api/v1/tickets/{id}/tasks/{taskId}/manual-completion", ACTORS, false),
            new Endpoint("POST", "/api/v1/tickets/{id}/remediations/{remediationId}/outcome", ACTORS, false),
            new Endpoint("GET", "/api/v1/audit/verify", READERS, false),
            new Endpoint("GET", "/api/v1/systems", READERS, false));

    static RequestSpecification call(Endpoint e) {
        RequestSpecification spec = given().redirects().follow(false);
        return e.method().equals("POST") ? spec.contentType(ContentType.JSON).body("{}") : spec;
    }

    static int status(RequestSpecification spec, Endpoint e, String path) {
        return (e.method().equals("POST") ? spec.post(path) : spec.get(path)).statusCode();
    }

    @Test
    void unauthenticatedCallsAreRefused() {
        for (Endpoint e : STAFF_ENDPOINTS) {
            var response = e.method().equals("POST") ? call(e).post(e.concrete()) : call(e).get(e.concrete());
            assertThat(response.statusCode()).as(e.method() + " " + e.path()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(e.path()).startsWith("Basic");
        }
    }

    @Test
    void wrongCredentialsAreRefused() {
        for (Endpoint e : STAFF_ENDPOINTS) {
            assertThat(status(call(e).auth().preemptive().basic("officer", "wrong"), e, e.concrete()))
                    .as(e.method() + " " + e.path()).isEqualTo(401);
        }
    }

    @Test
    void signedInUsersWithoutTheRoleAreForbidden() {
        for (Endpoint e : STAFF_ENDPOINTS) {
            for (String user : List.of("visitor", "officer", "admin", "auditor")) {
                int status = status(call(e).auth().preemptive().basic(user, user), e, e.concrete());
                if (e.allowed().contains(user)) {
                    assertThat(status).as(user + " on " + e.method() + " " + e.path()).isNotIn(401, 403);
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
