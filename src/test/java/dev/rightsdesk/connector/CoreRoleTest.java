package dev.rightsdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rightsdesk.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code rightsdesk.role=core}: the systems file names a built-in connector, but this instance starts no worker. */
@QuarkusTest
@TestProfile(CoreRoleTest.Core.class)
class CoreRoleTest {

    public static class Core extends ConnectorTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("rightsdesk.role", "core");
            return config;
        }
    }

    @Inject
    BuiltInConnectors connectors;

    @Inject
    TaskLog log;

    @Test
    void theCoreStartsNoWorkerAndACommandWaitsForTheConnectorDeployment() throws Exception {
        assertThat(connectors.active()).isFalse();
        UUID task = UUID.randomUUID();
        ConnectorRuntimeTest.send(ConnectorRuntimeTest.command(UUID.randomUUID().toString(), task, UUID.randomUUID(),
                "ACCESS", 1, "core@example.org", null));
        var results = TopicReader.readUntil("dsr.task-results", Duration.ofSeconds(5),
                rs -> !ConnectorRuntimeTest.ofTask(rs, task).isEmpty());
        assertThat(ConnectorRuntimeTest.ofTask(results, task)).isEmpty();
        assertThat(log.find(task)).isEmpty();
    }
}
