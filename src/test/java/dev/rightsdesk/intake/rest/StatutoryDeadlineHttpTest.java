package dev.rightsdesk.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The clock over HTTP: ISO dates, member-state override, clear errors. */
@QuarkusTest
class StatutoryDeadlineHttpTest {

    @Test
    void answersWithIsoDates() {
        given().queryParam("receivedAt", "2026-01-30T10:00:00Z")
                .when().get("/api/v1/statutory-deadline")
                .then().statusCode(200)
                .body("receivedOn", equalTo("2026-01-30"))
                .body("nominalDue", equalTo("2026-02-28"))
                .body("due", equalTo("2026-03-02"))
                .body("extendedNominalDue", equalTo("2026-04-30"))
                .body("extendedDue", equalTo("2026-04-30"))
                .body("memberState", equalTo("NL"))
                .body("zone", equalTo("Europe/Amsterdam"));
    }

    @Test
    void lateEveningUtcIsAlreadyTheNextDayInAmsterdam() {
        given().queryParam("receivedAt", "2026-03-04T23:30:00Z")
                .when().get("/api/v1/statutory-deadline")
                .then().statusCode(200).body("receivedOn", equalTo("2026-03-05")).body("due", equalTo("2026-04-07"));
    }

    @Test
    void memberStateCanBeChosen() {
        // 27 April 2026 is King's Day in the Netherlands, a working day in Germany.
        given().queryParam("receivedAt", "2026-03-27T10:00:00Z").queryParam("memberState", "DE")
                .when().get("/api/v1/statutory-deadline")
                .then().statusCode(200).body("due", equalTo("2026-04-27")).body("memberState", equalTo("DE"));
        given().queryParam("receivedAt", "2026-03-27T10:00:00Z")
                .when().get("/api/v1/statutory-deadline")
                .then().statusCode(200).body("due", equalTo("2026-04-28"));
    }

    @Test
    void malformedInputIsAProblem() {
        given().queryParam("receivedAt", "yesterday")
                .when().get("/api/v1/statutory-deadline")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("receivedAt"));
        given().queryParam("memberState", "XX")
                .when().get("/api/v1/statutory-deadline")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("memberState"));
    }
}
