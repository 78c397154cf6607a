package dev.rightsdesk.intake;

import static dev.rightsdesk.intake.SubjectTestSupport.freshEmail;
import static dev.rightsdesk.intake.SubjectTestSupport.mailbox;
import static dev.rightsdesk.intake.SubjectTestSupport.submitAccess;
import static dev.rightsdesk.intake.SubjectTestSupport.verifyByApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Links in mails reach the running service: with no public base URL configured (as in the embedded run), they
 * name the port this process really listens on (the test server's random port here), not a fixed 8080.
 */
@QuarkusTest
class PublicAddressTest {

    private static final Pattern LINK = Pattern.compile("(https?://[^/\\s]+)/(status|requests)/\\S+");

    @Inject
    PublicAddress address;

    @Test
    void linksInMailsPointAtTheRunningPort() {
        String running = "http://localhost:" + RestAssured.port;
        assertThat(RestAssured.port).isNotEqualTo(8080);
        assertThat(address.base()).isEqualTo(running);

        String email = freshEmail("port");
        String id = submitAccess(email);
        verifyByApi(id, email);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox().to(email).stream()
                .anyMatch(m -> m.text().contains("/status/")));
        var links = mailbox().to(email).stream().map(m -> LINK.matcher(m.text())).filter(Matcher::find)
                .map(m -> m.group(1)).toList();
        assertThat(links).isNotEmpty().allSatisfy(base -> assertThat(base).isEqualTo(running));
    }

    @Test
    void theStatusPageGivesAReferenceToQuoteAndSaysToKeepTheLink() {
        String email = freshEmail("reference");
        String id = submitAccess(email);
        String token = verifyByApi(id, email);
        String page = io.restassured.RestAssured.given().get("/status/" + token).then().statusCode(200).extract().asString();
        assertThat(page).contains("RD-" + id.substring(0, 8).toUpperCase()).contains("Keep this link");
    }
}
