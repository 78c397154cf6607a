package dev.rightsdesk.officer;

import static dev.rightsdesk.officer.Staff.approve;
import static dev.rightsdesk.officer.Staff.officer;
import static dev.rightsdesk.officer.Staff.submit;
import static dev.rightsdesk.officer.Staff.verify;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R-object: an Art. 21(1) objection waits for the officer's balancing decision before it can be answered; an
 * objection to direct marketing (21(2)/(3)) is absolute and waits for nothing. Real PostgreSQL and Kafka.
 */
@QuarkusTest
class ObjectionGateTest {

    static final String LEGITIMATE_INTEREST = "{\"basis\": \"LEGITIMATE_INTEREST\", \"purposes\": [\"fraud-detection\"]}";
    static final String DIRECT_MARKETING = "{\"basis\": \"DIRECT_MARKETING\", \"purposes\": [\"newsletter\"]}";

    /** Verified, approved and every system's task completed by hand: nothing but a gate can hold it now. */
    static UUID answeredBySystems(String details) {
        UUID id = submit("OBJECTION", details);
        verify(id);
        approve(id);
        for (String task : officer().get("/api/v1/tickets/" + id).then().extract().jsonPath().getList("tasks.id", String.class)) {
            officer().body("{\"outcome\": \"COMPLETED\", \"evidence\": \"processing stopped, change OPS-7\"}")
                    .post("/api/v1/tickets/" + id + "/tasks/" + task + "/manual-completion").then().statusCode(200);
        }
        return id;
    }

    @Test
    void aLegitimateInterestObjectionWaitsForTheBalancingDecisionBeforeItCanBeAnswered() {
        UUID id = answeredBySystems(LEGITIMATE_INTEREST);
        officer().get("/api/v1/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_SYSTEMS"))
                .body("allowedActions", hasItem("objection-decision"))
                .body("allowedActions", not(hasItem("closure")));
        officer().get("/api/v1/tickets?type=OBJECTION&size=200").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.awaitingDecision", equalTo(true));
        officer().body("{\"response\": \"We stopped.\"}").post("/api/v1/tickets/" + id + "/closure")
                .then().statusCode(409).body("type", containsString("objection-undecided"));

        officer().body("{\"compellingGrounds\": false, \"reasons\": \"no grounds override the subject's interests\"}")
                .post("/api/v1/tickets/" + id + "/objection-decision").then().statusCode(200)
                .body("status", equalTo("READY_FOR_RESPONSE"))
                .body("allowedActions", hasItem("closure"));
        officer().get("/api/v1/tickets?type=OBJECTION&size=200").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.awaitingDecision", equalTo(false));
        officer().body("{\"response\": \"We stopped processing your data for fraud detection.\"}")
                .post("/api/v1/tickets/" + id + "/closure").then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void anOverruledObjectionIsReadyForTheResponseToo() {
        UUID id = answeredBySystems(LEGITIMATE_INTEREST);
        officer().body("{\"compellingGrounds\": true, \"reasons\": \"fraud prevention outweighs; balancing test on file\"}")
                .post("/api/v1/tickets/" + id + "/objection-decision").then().statusCode(200)
                .body("status", equalTo("READY_FOR_RESPONSE"));
    }

    @Test
    void aDirectMarketingObjectionNeedsNoDecision() {
        UUID id = answeredBySystems(DIRECT_MARKETING);
        officer().get("/api/v1/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("READY_FOR_RESPONSE"))
                .body("allowedActions", hasItem("closure"))
                .body("allowedActions", not(hasItem("objection-decision")));
        officer().get("/api/v1/tickets?type=OBJECTION&size=200").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.awaitingDecision", equalTo(false));
    }
}
