package dev.rightsdesk.officer;

import static io.restassured.RestAssured.given;

import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import dev.rightsdesk.testing.Requests;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Test helpers: API calls as a staff member, requests as a subject, and a database owner's connection. */
final class Staff {

    private Staff() {
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    static RequestSpecification officer() {
        return as("officer");
    }

    /** A request as a subject submits it on the public API: IDENTITY_UNVERIFIED. */
    static UUID submit(String type, String details) {
        return submit(type, details, "ada-" + UUID.randomUUID() + "@example.org", "Ada Lovelace");
    }

    static UUID submit(String type, String details, String email, String name) {
        return Requests.of(type).email(email).name(name).identifier("customerId", "C-1").details(details).locale("en")
                .submit();
    }

    static UUID submitAccess() {
        return submit("ACCESS", "{}");
    }

    /** A request an officer registers, received at {@code receivedAt}. */
    static UUID register(String type, String details, Instant receivedAt) {
        String id = officer().body("""
                {"type": "%s", "channel": "POST", "receivedAt": "%s",
                 "subject": {"email": "post-%s@example.org", "name": "Grace Hopper"}, "details": %s}"""
                .formatted(type, receivedAt, UUID.randomUUID(), details))
                .post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static void verify(UUID id) {
        officer().body("{\"method\": \"PHONE_CALLBACK\", \"reason\": \"called back on the number on file\"}")
                .post("/api/v1/tickets/" + id + "/verification").then().statusCode(200);
    }

    static void approve(UUID id) {
        officer().body("{}").post("/api/v1/tickets/" + id + "/approval").then().statusCode(200);
    }

    /** A connection as the database owner, which may bypass the audit log's triggers. */
    static Connection owner() throws SQLException {
        return DriverManager.getConnection(EmbeddedEnginesTestResource.postgres().jdbcUrl(), "postgres", "");
    }
}
