package dev.rightsdesk.intake;

import static dev.rightsdesk.intake.SubjectTestSupport.freshEmail;
import static dev.rightsdesk.intake.SubjectTestSupport.latestCode;
import static dev.rightsdesk.intake.SubjectTestSupport.mailbox;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.rightsdesk.intake.expiry.UnverifiedExpiry;
import dev.rightsdesk.intake.mail.LocalMailbox;
import dev.rightsdesk.intake.status.StatusLink;
import dev.rightsdesk.intake.verification.VerificationCode;
import dev.rightsdesk.officer.action.ActionRequests;
import dev.rightsdesk.officer.action.OfficerActions;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import dev.rightsdesk.ticket.TicketStatusChange;
import dev.rightsdesk.ticket.decision.RefusalGround;
import dev.rightsdesk.ticket.decision.RefusalScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What happens to a request after it is sent: expiry and purge, and the notices mailed in the subject's language. */
@QuarkusTest
class SubjectLifecycleTest {

    @Inject
    UnverifiedExpiry expiry;

    @Inject
    TicketService tickets;

    @Inject
    OfficerActions officer;

    static String submit(String email, String locale) {
        return given().contentType(ContentType.JSON)
                .body("{\"type\":\"ERASURE\",\"subject\":{\"email\":\"" + email + "\",\"name\":\"Noor\","
                        + "\"identifiers\":{\"customerId\":\"C-7\"}},\"details\":{\"ground\":\"17(1)(b)\"},\"locale\":\"" + locale + "\"}")
                .post("/api/v1/requests").then().statusCode(202).extract().path("id");
    }

    static Ticket ticket(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.findById(UUID.fromString(id)));
    }

    /** Waits for a mail to {@code email} whose subject is {@code subject}; returns its text. */
    static String awaitMail(String email, String subject) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox().to(email).stream().anyMatch(m -> m.subject().equals(subject)));
        return mailbox().to(email).stream().filter(m -> m.subject().equals(subject)).findFirst().map(LocalMailbox.Message::text)
                .orElseThrow();
    }

    @Test
    void anUnverifiedRequestExpiresAndIsPurged() {
        String email = freshEmail("expire");
        String id = submit(email, "en");
        String fresh = submit(freshEmail("fresh"), "en");
        UUID uuid = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> Ticket.update("receivedAt = ?1 where id = ?2",
                Instant.now().minus(15, ChronoUnit.DAYS), uuid));

        assertThat(expiry.expireOnce()).isGreaterThanOrEqualTo(1);

        Ticket t = ticket(id);
        assertThat(t.status).isEqualTo(TicketStatus.EXPIRED);
        assertThat(t.subjectEmail).isEmpty();
        assertThat(t.subjectEmailHash).isEqualTo("purged");
        assertThat(t.subjectName).isNull();
        assertThat(t.subjectIdentifiersJson).isNull();
        assertThat(t.detailsJson).isNull();
        assertThat(t.statusTokenHash).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> VerificationCode.count("ticketId", uuid))).isZero();
        StatusLink link = QuarkusTransaction.requiringNew().call(() -> StatusLink.findById(uuid));
        assertThat(link).isNull();
        List<TicketStatusChange> history = QuarkusTransaction.requiringNew().call(() -> TicketStatusChange.history(uuid));
        assertThat(history).extracting(c -> c.toStatus).containsExactly(TicketStatus.IDENTITY_UNVERIFIED, TicketStatus.EXPIRED);
        // a recent request is left alone
        assertThat(ticket(fresh).status).isEqualTo(TicketStatus.IDENTITY_UNVERIFIED);

        // the code no longer helps, and the page says what happened
        given().contentType(ContentType.JSON).body("{\"code\":\"123456\"}").post("/api/v1/requests/" + id + "/verification")
                .then().statusCode(409).body("type", equalTo("https://rightsdesk.dev/problems/request-closed"));
        given().get("/requests/" + id + "/verify").then().statusCode(200).body(containsString("not confirmed in time"));
    }

    @Test
    void noticesAreMailedInTheSubjectsLanguageWithTheStatusLink() {
        String email = freshEmail("notices");
        String id = submit(email, "nl");
        String code = latestCode(email); // the code mail leaves after the response: wait for it
        assertThat(mailbox().to(email).get(0).subject()).startsWith("Bevestig uw verzoek");
        String token = given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/api/v1/requests/" + id + "/verification").then().statusCode(200).extract().path("statusToken");

        String verified = awaitMail(email, "Uw verzoek is bevestigd");
        assertThat(verified).contains("/status/" + token, "Uw gegevens verwijderen");

        // the officer extends (D4) with a reason, refuses part, then all (D5): the subject is told each, with reasons
        UUID uuid = UUID.fromString(id);
        officer.extend(uuid, "officer", new ActionRequests.Extension("Veel systemen moeten worden nagekeken."));
        String extended = awaitMail(email, "We hebben meer tijd nodig voor uw verzoek");
        assertThat(extended).contains("Veel systemen moeten worden nagekeken.", "Autoriteit Persoonsgegevens");
        given().header("Accept-Language", "nl").get("/status/" + token).then().statusCode(200)
                .body(containsString("We hebben meer tijd nodig"))
                .body(containsString("Veel systemen moeten worden nagekeken."))
                .body(containsString("autoriteitpersoonsgegevens.nl"));

        officer.refuse(uuid, "officer", new ActionRequests.Refusal(RefusalScope.PARTIAL,
                List.of(RefusalGround.OTHER_LEGAL_RESTRICTION), "De factuurgegevens moeten we 7 jaar bewaren."));
        String partly = awaitMail(email, "We kunnen een deel van uw verzoek niet uitvoeren");
        assertThat(partly).contains("De factuurgegevens moeten we 7 jaar bewaren.", "De rest voeren we wel uit", "rechter");
        given().cookie("rd_lang", "nl").get("/status/" + token).then().statusCode(200)
                .body(containsString("Het deel van uw verzoek dat we niet kunnen uitvoeren"))
                .body(containsString("De factuurgegevens moeten we 7 jaar bewaren."));

        officer.refuse(uuid, "officer", new ActionRequests.Refusal(RefusalScope.WHOLE,
                List.of(RefusalGround.OTHER_LEGAL_RESTRICTION), "Wettelijke bewaarplicht (art. 17(3)(b) AVG)."));
        String refused = awaitMail(email, "We kunnen uw verzoek niet uitvoeren");
        assertThat(refused).contains("Wettelijke bewaarplicht", "klacht", "rechter");
        given().cookie("rd_lang", "nl").get("/status/" + token).then().statusCode(200)
                .body(containsString("Wettelijke bewaarplicht"))
                .body(containsString("naar de rechter"))
                .body(containsString("klacht indienen bij de toezichthouder"));
        given().header("Status-Token", token).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("explanation.refusalReasons", containsString("bewaarplicht"))
                .body("explanation.partialRefusalReasons", containsString("factuurgegevens"))
                .body("explanation.extensionReason", containsString("Veel systemen"));
    }

    @Test
    void theOfficersAnswerReachesTheSubject() {
        String email = freshEmail("answer");
        String id = SubjectTestSupport.submitAccess(email);
        String token = SubjectTestSupport.verifyByApi(id, email);
        SubjectTestSupport.answerThroughSystems(id);
        officer.close(UUID.fromString(id), "officer",
                new ActionRequests.Closure("Besides the systems listed, we hold no paper files about you.", null));
        String completed = awaitMail(email, "Your request is completed");
        assertThat(completed).contains("Our answer:", "we hold no paper files about you", "/status/" + token);
        given().get("/status/" + token).then().statusCode(200)
                .body(containsString("Our answer"))
                .body(containsString("we hold no paper files about you"))
                .body(containsString("Your request has been completed on"))
                .body(containsString("Download your data"));
    }

    @Test
    void aWrongStatusTokenOpensNothing() {
        given().get("/status/" + "A".repeat(43)).then().statusCode(404).body(containsString("Page not found"));
        given().get("/status/short").then().statusCode(404);
    }
}
