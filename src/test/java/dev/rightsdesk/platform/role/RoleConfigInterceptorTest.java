package dev.rightsdesk.platform.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code rightsdesk.role} switches off, read as the framework reads its own keys. */
class RoleConfigInterceptorTest {

    static SmallRyeConfig config(String role) {
        Map<String, String> values = new HashMap<>();
        values.put("rightsdesk.outbox.relay-enabled", "true");
        values.put("quarkus.scheduler.enabled", "true");
        values.put("rightsdesk.systems.file", "classpath:systems.yaml");
        if (role != null) {
            values.put(Role.KEY, role);
        }
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100))
                .withInterceptors(new RoleConfigInterceptor()).build();
    }

    @Test
    void aConnectorsInstanceRunsNoSchedulerNoRelayAndNoConsumerOfRightsdesksOwnTopics() {
        SmallRyeConfig c = config("connectors");
        assertThat(c.getValue("quarkus.scheduler.enabled", Boolean.class)).isFalse();
        assertThat(c.getValue("rightsdesk.outbox.relay-enabled", Boolean.class)).isFalse();
        assertThat(c.getValue("mp.messaging.incoming.task-results.enabled", Boolean.class)).isFalse();
        assertThat(c.getValue("mp.messaging.incoming.ticket-events.enabled", Boolean.class)).isFalse();
        assertThat(c.getValue("rightsdesk.systems.file", String.class)).isEqualTo("classpath:systems.yaml");
    }

    @Test
    void allAndCoreChangeNothing() {
        for (String role : new String[] {null, "all", "core", "CORE"}) {
            SmallRyeConfig c = config(role);
            assertThat(c.getValue("quarkus.scheduler.enabled", Boolean.class)).isTrue();
            assertThat(c.getValue("rightsdesk.outbox.relay-enabled", Boolean.class)).isTrue();
            assertThat(c.getOptionalValue("mp.messaging.incoming.task-results.enabled", Boolean.class)).isEmpty();
        }
    }

    @Test
    void anUnknownRoleIsNamed() {
        assertThatThrownBy(() -> Role.parse("worker")).hasMessageContaining("all, core, connectors");
    }
}
