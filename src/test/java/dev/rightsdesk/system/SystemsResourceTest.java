package dev.rightsdesk.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SystemsResourceTest {

    @Test
    void listsTheBundledSystemsWithTheirFacts() {
        given().when().get("/api/v1/systems")
                .then().statusCode(200)
                .body("key", contains("crm", "newsletter", "training-corpus", "model-registry"))
                .body("find { it.key == 'crm' }.kind", equalTo("DATABASE"))
                .body("find { it.key == 'crm' }.identityTypes", contains("email", "customerId"))
                .body("find { it.key == 'crm' }.requestTypes", hasItems("ACCESS", "RECTIFICATION", "ERASURE", "OBJECTION"))
                .body("find { it.key == 'newsletter' }.identityTypes", contains("email"))
                .body("find { it.key == 'training-corpus' }.kind", equalTo("TRAINING_DATASET"))
                .body("find { it.key == 'model-registry' }.topic", equalTo("dsr.tasks.model-registry"))
                .body("find { it.key == 'newsletter' }.replyDeadline", equalTo("PT72H"));
    }

    @Test
    void oneSystemAndAnUnknownOne() {
        given().when().get("/api/v1/systems/crm").then().statusCode(200).body("displayName", equalTo("Customer database"));
        given().when().get("/api/v1/systems/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
