package dev.rightsdesk.platform.role;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;
import java.util.Set;

/**
 * Turns the core's moving parts off in an instance of {@link Role#CONNECTORS}, whatever else is configured: one switch
 * for the operator instead of a dozen keys that must all be right. Read from every configuration lookup, so the
 * framework's own keys (scheduler, Kafka channels) obey it as well as Rightsdesk's.
 */
@Priority(RoleConfigInterceptor.PRIORITY)
public class RoleConfigInterceptor implements ConfigSourceInterceptor {

    static final int PRIORITY = 3000;

    /** Keys answered {@code false} in a connectors instance; documented in docs/connectors.md ("Roles"). */
    static final Set<String> OFF_IN_CONNECTORS = Set.of(
            "quarkus.scheduler.enabled",
            "rightsdesk.outbox.relay-enabled",
            "rightsdesk.demo.enabled",
            "rightsdesk.demo.training-pipeline.enabled",
            "rightsdesk.training-exclusions.topic.create",
            "mp.messaging.incoming.task-results.enabled",
            "mp.messaging.incoming.ticket-events.enabled",
            "mp.messaging.incoming.openlineage-events.enabled",
            "mp.messaging.incoming.dlq-monitor.enabled");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!OFF_IN_CONNECTORS.contains(name)) {
            return value;
        }
        ConfigValue role = context.proceed(Role.KEY);
        if (role == null || Role.parse(role.getValue()) != Role.CONNECTORS) {
            return value;
        }
        return value != null ? value.withValue("false")
                : ConfigValue.builder().withName(name).withValue("false").withConfigSourceName(Role.KEY)
                        .withConfigSourceOrdinal(Integer.MAX_VALUE).build();
    }
}
