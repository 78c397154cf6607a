package dev.rightsdesk.access;

import static dev.rightsdesk.intake.SubjectTestSupport.answer;
import static dev.rightsdesk.intake.SubjectTestSupport.answerThroughSystems;
import static dev.rightsdesk.intake.SubjectTestSupport.awaitCode;
import static dev.rightsdesk.intake.SubjectTestSupport.freshEmail;
import static dev.rightsdesk.intake.SubjectTestSupport.submitAccess;
import static dev.rightsdesk.intake.SubjectTestSupport.verifyByApi;
import static dev.rightsdesk.intake.SubjectTestSupport.wrong;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The access package through the API: a fresh code, an expiring link, and every Art. 15 item in JSON and HTML. */
@QuarkusTest
class AccessPackageTest {

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static String grant(String id, String email, int codesBefore) {
        given().post("/api/v1/requests/" + id + "/package-code").then().statusCode(202);
        String code = awaitCode(email, codesBefore + 1);
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/api/v1/requests/" + id + "/package").then().statusCode(201)
                .body("downloadUrl", matchesPattern("^/api/v1/packages/[A-Za-z0-9_-]{43}$"))
                .extract().path("downloadUrl");
    }

    @Test
    void theAnsweredAccessRequestDownloadsEveryArticle15Item() throws IOException {
        String email = freshEmail("access");
        String id = submitAccess(email);
        // before it is answered there is nothing to download
        verifyByApi(id, email);
        given().post("/api/v1/requests/" + id + "/package-code").then().statusCode(409)
                .body("type", equalTo("https://rightsdesk.dev/problems/package-not-available"));
        answerThroughSystems(id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> dev.rightsdesk.ticket.Ticket.<dev.rightsdesk.ticket.Ticket>findById(
                UUID.fromString(id))).status).isEqualTo(dev.rightsdesk.ticket.TicketStatus.READY_FOR_RESPONSE);

        String url = grant(id, email, 1);
        byte[] zip = given().get(url).then().statusCode(200).contentType("application/zip")
                .extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsOnlyKeys("report.html", "package.json");

        JsonNode pkg = new ObjectMapper().readTree(files.get("package.json"));
        assertThat(pkg.path("format").asText()).isEqualTo(AccessPackage.FORMAT);
        assertThat(pkg.path("subject").path("email").asText()).isEqualTo(email);
        // Art. 15(1)(a)-(d), (g), (h), 15(2) over all systems, from the connected-systems registry
        JsonNode overview = pkg.path("overview");
        assertThat(overview.path("purposes")).extracting(JsonNode::asText).contains("customer-service", "ai-training");
        assertThat(overview.path("categories")).extracting(JsonNode::asText).contains("contact details", "product reviews");
        assertThat(overview.path("recipients")).extracting(JsonNode::asText).contains("payment provider");
        assertThat(overview.path("retention").size()).isEqualTo(4);
        assertThat(overview.path("sources").size()).isEqualTo(4);
        assertThat(overview.path("automatedDecisionMaking")).extracting(JsonNode::asText)
                .anyMatch(s -> s.contains("product recommendations"));
        assertThat(overview.path("transferSafeguards")).extracting(JsonNode::asText).contains("none");
        // per system: the same items and 15(3) the copy of the data, from the task answers
        JsonNode crm = null;
        for (JsonNode system : pkg.path("systems")) {
            for (String item : new String[] {"key", "name", "purposes", "categories", "recipients", "retention", "source",
                    "automatedDecisionMaking", "transferSafeguards", "outcome"}) {
                assertThat(system.has(item)).as("systems[%s].%s", system.path("key").asText(), item).isTrue();
            }
            if (system.path("key").asText().equals("crm")) {
                crm = system;
            }
            if (system.path("key").asText().equals("newsletter")) {
                assertThat(system.path("outcome").asText()).isEqualTo("NOT_FOUND");
            }
        }
        assertThat(pkg.path("systems").size()).isEqualTo(4);
        assertThat(crm).isNotNull();
        assertThat(crm.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(crm.path("data").path("orders").get(0).path("id").asText()).isEqualTo("O-1");
        // 15(1)(e), (f): the rights and the complaint
        JsonNode rights = pkg.path("rights");
        for (String right : new String[] {"rectification", "erasure", "restriction", "objection", "judicialRemedy"}) {
            assertThat(rights.path(right).asText()).as("rights.%s", right).isNotBlank();
        }
        assertThat(rights.path("complaint").path("supervisoryAuthority").asText()).isNotBlank();
        assertThat(rights.path("complaint").path("url").asText()).startsWith("https://");
        // the AI section (issue 4): datasets that held the subject, model versions trained on them
        JsonNode ai = pkg.path("ai");
        assertThat(ai.path("trainingDatasets").get(0).path("dataset").asText()).isEqualTo("support-chats");
        assertThat(ai.path("modelVersions").get(0).path("model").asText()).isEqualTo("recommender");
        assertThat(ai.path("modelVersions").get(0).path("trainingDatasetVersions").get(0).asText())
                .isEqualTo("support-chats@2026-01");
        assertThat(ai.has("trainingRuns")).isTrue();
        assertThat(ai.has("exclusions")).isTrue();

        String html = new String(files.get("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<html lang=\"en\">", "id=\"purposes\"", "id=\"categories\"", "id=\"recipients\"",
                "id=\"retention\"", "id=\"source\"", "id=\"automated-decisions\"", "id=\"transfers\"", "id=\"rights\"",
                "id=\"complaint\"", "id=\"ai\"", "Customer database", "Canal Street 1", "orders[1].total", "support-chats",
                "recommender", "No action: you asked for access only", "Model registry");
    }

    @Test
    void thePackageCodeFollowsTheCodeRulesAndTheLinkExpires() throws IOException {
        String email = freshEmail("pkgcode");
        String id = submitAccess(email);
        verifyByApi(id, email);
        answer(id);
        given().post("/api/v1/requests/" + id + "/package-code").then().statusCode(202);
        String code = awaitCode(email, 2);
        // the identity code of the same request does not open the package, and a wrong code counts
        given().contentType(ContentType.JSON).body("{\"code\":\"" + wrong(code) + "\"}")
                .post("/api/v1/requests/" + id + "/package").then().statusCode(422)
                .body("type", equalTo("https://rightsdesk.dev/problems/code-wrong"));
        String url = given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/api/v1/requests/" + id + "/package").then().statusCode(201).extract().path("downloadUrl");
        // single use
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/api/v1/requests/" + id + "/package").then().statusCode(422);
        // the link works more than once until it expires
        Map<String, byte[]> files = unzip(given().get(url).then().statusCode(200).extract().asByteArray());
        assertThat(new String(files.get("report.html"), StandardCharsets.UTF_8)).contains("id=\"rights\"");
        given().get(url).then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> AccessPackageGrant.update("expiresAt = ?1 where ticketId = ?2",
                Instant.now().minusSeconds(1), UUID.fromString(id)));
        given().get(url).then().statusCode(404);
        given().get("/api/v1/packages/not-a-token").then().statusCode(404);
    }
}
