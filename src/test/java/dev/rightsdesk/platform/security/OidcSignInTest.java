package dev.rightsdesk.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Production sign-in against an OpenID provider: the staff API takes bearer tokens with the roles in them and
 * nothing else; the pages send a browser to the provider; built-in users are gone.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.Oidc.class)
class OidcSignInTest {

    /** OIDC on, pointed at {@link MockOidcProvider}, built-in users off. */
    public static class Oidc implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MockOidcProvider.class));
        }
    }

    static String bearer(String user, String... roles) {
        return "Bearer " + MockOidcProvider.token(user, Set.of(roles));
    }

    @Test
    void bearerTokensCarryTheStaffRoles() {
        given().header("Authorization", bearer("olga", "officer")).get("/api/v1/tickets").then().statusCode(200);
        given().header("Authorization", bearer("aude", "auditor")).get("/api/v1/audit/verify").then().statusCode(200);
        given().header("Authorization", bearer("vera", "visitor")).get("/api/v1/tickets").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void withoutAValidTokenTheApiRefuses() {
        given().get("/api/v1/tickets").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + MockOidcProvider.forgedToken("mallory", Set.of("admin")))
                .get("/api/v1/tickets").then().statusCode(401);
        // The built-in users of the embedded run do not exist here.
        given().auth().preemptive().basic("officer", "officer").get("/api/v1/tickets").then().statusCode(401);
    }

    @Test
    void officersActUnderTheirOwnNameAndAuditorsMayNot() {
        String id = given().contentType(ContentType.JSON).body("""
                {"type": "ACCESS", "subject": {"email": "oidc-%s@example.org", "name": "Olga Subject"}}"""
                .formatted(UUID.randomUUID())).post("/api/v1/requests").then().statusCode(202).extract().path("id");
        given().header("Authorization", bearer("aude", "auditor")).contentType(ContentType.JSON)
                .body("{\"text\": \"may I?\"}").post("/api/v1/tickets/" + id + "/notes").then().statusCode(403);
        // An admin token without the officer role still acts as an officer (AdminIsAlsoOfficer) and sees the subject.
        given().header("Authorization", bearer("adam", "admin")).contentType(ContentType.JSON)
                .body("{\"text\": \"called the subject\"}").post("/api/v1/tickets/" + id + "/notes").then().statusCode(201);
        given().header("Authorization", bearer("adam", "admin")).get("/api/v1/tickets/" + id).then().statusCode(200)
                .body("subject.name", equalTo("Olga Subject"));
        String actor = given().header("Authorization", bearer("aude", "auditor")).get("/api/v1/tickets/" + id + "/audit")
                .then().statusCode(200).extract().path("entries.find { it.name == 'note' }.actor");
        assertThat(actor).isEqualTo("adam");
    }

    @Test
    void thePagesSendABrowserToTheProvider() {
        var response = given().redirects().follow(false).get("/officer");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).startsWith(MockOidcProvider.issuer + "/protocol/openid-connect/auth")
                .contains("client_id=rightsdesk");
    }
}
