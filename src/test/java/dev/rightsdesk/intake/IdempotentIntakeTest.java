package dev.rightsdesk.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.rightsdesk.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentIntakeTest {

    static final String BODY = "{\"type\":\"ERASURE\",\"subject\":{\"email\":\"grace@example.org\"},\"details\":{\"ground\":\"17(1)(d)\"}}";

    @Test
    void aRetriedPostReturnsTheSameTicket() {
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BODY)
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("id");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BODY)
                .when().post("/api/v1/requests").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith(first)).extract().path("id");
        assertThat(second).isEqualTo(first);
        assertThat(ticketsWithKey(key)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BODY)
                .when().post("/api/v1/requests").then().statusCode(202);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"type\":\"ACCESS\",\"subject\":{\"email\":\"grace@example.org\"}}")
                .when().post("/api/v1/requests")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://rightsdesk.dev/problems/idempotency-key-reused"));
        assertThat(ticketsWithKey(key)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesCreateOneTicket() throws Exception {
        String key = UUID.randomUUID().toString();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BODY)
                        .when().post("/api/v1/requests").then().statusCode(202).extract().path("id"));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(16).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(ticketsWithKey(key)).isEqualTo(1);
    }

    @Test
    void withoutAKeyEachPostIsANewTicket() {
        String a = given().contentType(ContentType.JSON).body(BODY).when().post("/api/v1/requests")
                .then().statusCode(202).extract().path("id");
        String b = given().contentType(ContentType.JSON).body(BODY).when().post("/api/v1/requests")
                .then().statusCode(202).extract().path("id");
        assertThat(a).isNotEqualTo(b);
    }

    static long ticketsWithKey(String key) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.count("idempotencyKey", key));
    }
}
