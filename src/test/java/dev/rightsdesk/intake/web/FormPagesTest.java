package dev.rightsdesk.intake.web;

import static dev.rightsdesk.intake.SubjectTestSupport.freshEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web form without a browser: language choice, CSRF, errors, Post/Redirect/Get, no personal data in URLs. */
@QuarkusTest
class FormPagesTest {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(_csrf|formKey)\" value=\"([^\"]+)\"");

    /** A form page and its cookie: what a browser would hold before posting. */
    record Session(String csrfCookie, String csrf, String formKey) {
    }

    static Session open(String path) {
        Response page = given().get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        String csrf = null;
        String formKey = null;
        Matcher m = HIDDEN.matcher(page.asString());
        while (m.find()) {
            if (m.group(1).equals("_csrf")) {
                csrf = m.group(2);
            } else {
                formKey = m.group(2);
            }
        }
        return new Session(page.getCookie(Csrf.COOKIE), csrf, formKey);
    }

    @Test
    void theLanguageFollowsAcceptLanguageAndTheSwitchIsRemembered() {
        given().header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5").get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"nl\">"))
                .body(containsString("Uw privacyrechten"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"));
        Response switched = given().header("Accept-Language", "nl").get("/?lang=en");
        assertThat(switched.asString()).contains("<html lang=\"en\">", "Your privacy rights");
        String cookie = switched.getCookie(WebPages.LANG_COOKIE);
        assertThat(cookie).isEqualTo("en");
        given().header("Accept-Language", "nl").cookie(WebPages.LANG_COOKIE, cookie).get("/request/objection")
                .then().statusCode(200).body(containsString("<html lang=\"en\">"))
                .body(containsString("at any time"));
    }

    @Test
    void eachFormStatesTheDueDateBeforeSubmitting() {
        for (String type : new String[] {"access", "rectification", "erasure", "objection"}) {
            given().get("/request/" + type).then().statusCode(200)
                    .body(matchesPattern("(?s).*<time datetime=\"\\d{4}-\\d{2}-\\d{2}\">.*"))
                    .body(containsString("at the latest"));
        }
        given().get("/request/nonsense").then().statusCode(404).body(containsString("Page not found"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Session s = open("/request/access");
        String email = freshEmail("csrf");
        // no cookie, no field
        given().formParam("email", email).post("/request/access").then().statusCode(403)
                .body(containsString("The form has expired"));
        // field but no cookie (a cross-site page can post the field, not the cookie)
        given().formParam("email", email).formParam("_csrf", s.csrf()).post("/request/access").then().statusCode(403);
        // cookie and a different field value
        given().cookie(Csrf.COOKIE, s.csrfCookie()).formParam("_csrf", UUID.randomUUID().toString())
                .formParam("email", email).post("/request/access").then().statusCode(403);
        // both, but the browser says the post came from another site
        given().cookie(Csrf.COOKIE, s.csrfCookie()).header("Sec-Fetch-Site", "cross-site").formParam("_csrf", s.csrf())
                .formParam("email", email).post("/request/access").then().statusCode(403);
        // both, matching: accepted
        given().redirects().follow(false).cookie(Csrf.COOKIE, s.csrfCookie()).header("Sec-Fetch-Site", "same-origin")
                .formParam("_csrf", s.csrf()).formParam("email", email).post("/request/access")
                .then().statusCode(303);
    }

    @Test
    void aValidPostRedirectsToTheVerificationPageByTicketIdOnly() {
        Session s = open("/request/erasure");
        String email = freshEmail("prg");
        String location = given().redirects().follow(false).cookie(Csrf.COOKIE, s.csrfCookie())
                .formParam("_csrf", s.csrf()).formParam("formKey", s.formKey())
                .formParam("email", email).formParam("name", "Erin Example").formParam("ground", "17(1)(a)")
                .post("/request/erasure").then().statusCode(303).extract().header("Location");
        assertThat(location).matches("^/requests/[0-9a-f-]{36}/verify$").doesNotContain("example");
        UUID id = UUID.fromString(location.split("/")[2]);
        Ticket t = QuarkusTransaction.requiringNew().call(() -> Ticket.findById(id));
        assertThat(t.status).isEqualTo(TicketStatus.IDENTITY_UNVERIFIED);
        assertThat(t.subjectName).isEqualTo("Erin Example");
        assertThat(t.detailsJson).contains("17(1)(a)");

        // a double click (same form key) makes no second ticket
        String again = given().redirects().follow(false).cookie(Csrf.COOKIE, s.csrfCookie())
                .formParam("_csrf", s.csrf()).formParam("formKey", s.formKey())
                .formParam("email", email).formParam("name", "Erin Example").formParam("ground", "17(1)(a)")
                .post("/request/erasure").then().statusCode(303).extract().header("Location");
        assertThat(again).isEqualTo(location);

        given().get(location).then().statusCode(200).body(containsString("Check your e-mail"))
                .body(not(containsString(email)));
    }

    @Test
    void errorsAreSummarisedAtTheTopAndShownNextToTheirFields() {
        Session s = open("/request/objection");
        String body = given().cookie(Csrf.COOKIE, s.csrfCookie()).formParam("_csrf", s.csrf())
                .formParam("email", "not-an-address").formParam("grounds", "x".repeat(2001))
                .post("/request/objection").then().statusCode(400).extract().asString();
        assertThat(body).contains("<title>Error: ", "There is a problem",
                "href=\"#email\"", "href=\"#basis-legitimate-interest\"", "href=\"#purpose-ai-training\"", "href=\"#grounds\"",
                "id=\"email-error\"", "aria-invalid=\"true\"", "Enter an e-mail address in the right format");
        // what the subject typed comes back in the form, never in an address
        assertThat(body).contains("value=\"not-an-address\"");
    }

    @Test
    void anOversizedFormGetsAPageNotAProblem() {
        Session s = open("/request/objection");
        given().cookie(Csrf.COOKIE, s.csrfCookie()).header("Accept-Language", "nl").formParam("_csrf", s.csrf())
                .formParam("email", freshEmail("big")).formParam("grounds", "x".repeat(70_000))
                .post("/request/objection").then().statusCode(413).contentType(containsString("text/html"))
                .body(containsString("Te veel tekst"));
    }

    @Test
    void rectificationTakesSeveralCorrectionsWithoutJavaScript() {
        Session s = open("/request/rectification");
        String email = freshEmail("rect");
        String withRow = given().cookie(Csrf.COOKIE, s.csrfCookie()).formParam("_csrf", s.csrf())
                .formParam("formKey", s.formKey()).formParam("rows", "1").formParam("action", "add-row")
                .formParam("email", email).formParam("corrections-0-field", "address")
                .formParam("corrections-0-corrected", "Main Street 2")
                .post("/request/rectification").then().statusCode(200).extract().asString();
        assertThat(withRow).contains("id=\"corrections-1-field\"", "Main Street 2</textarea>");
        String location = given().redirects().follow(false).cookie(Csrf.COOKIE, s.csrfCookie()).formParam("_csrf", s.csrf())
                .formParam("formKey", s.formKey()).formParam("rows", "2").formParam("action", "send")
                .formParam("email", email)
                .formParam("corrections-0-field", "address").formParam("corrections-0-corrected", "Main Street 2")
                .formParam("corrections-1-field", "birth date").formParam("corrections-1-current", "1 May")
                .formParam("corrections-1-corrected", "2 May")
                .post("/request/rectification").then().statusCode(303).extract().header("Location");
        UUID id = UUID.fromString(location.split("/")[2]);
        Ticket t = QuarkusTransaction.requiringNew().call(() -> Ticket.findById(id));
        assertThat(t.detailsJson).contains("Main Street 2", "birth date", "2 May");
    }
}
