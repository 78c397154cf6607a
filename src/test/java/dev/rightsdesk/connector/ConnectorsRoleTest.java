package dev.rightsdesk.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rightsdesk.fanout.results.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code rightsdesk.role=connectors}, as in the connector Deployment: the workers answer, the web API and pages are
 * not served here (only /q/*), and the core's jobs and consumers are off.
 */
@QuarkusTest
@TestProfile(ConnectorsRoleTest.Connectors.class)
class ConnectorsRoleTest {

    public static class Connectors extends ConnectorTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("rightsdesk.role", "connectors");
            return config;
        }
    }

    @Test
    void theWorkersAnswerAndNothingElseIsServed() throws Exception {
        ConnectorRuntimeTest.target("INSERT INTO people (email, name) VALUES ('role@example.org', 'Role')");
        UUID task = UUID.randomUUID();
        ConnectorRuntimeTest.send(ConnectorRuntimeTest.command(UUID.randomUUID().toString(), task, UUID.randomUUID(),
                "ACCESS", 1, "role@example.org", null));
        assertThat(ConnectorRuntimeTest.CONTRACT.parse(ConnectorRuntimeTest.finalResults(task, 1).get(0).value()).outcome())
                .isEqualTo(Outcome.COMPLETED);

        given().get("/api/v1/requests/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("officer", "officer").get("/officer").then().statusCode(404);
        given().get("/q/health/live").then().statusCode(200);
    }
}
