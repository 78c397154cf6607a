package dev.rightsdesk.platform.observability;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the Kafka cluster answers a metadata request within {@code rightsdesk.observability.kafka-health-timeout}.
 * Replaces Quarkus' own Kafka check, which waits for the Admin client's default API timeout (60 s) when the brokers
 * are down: a readiness request must answer quickly (the probe gives up after 3 s) and must not pile up threads.
 * Same name as the check it replaces, so dashboards keep working.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    static final String NAME = "Kafka connection health check";

    private final Map<String, Object> kafkaConfig;
    private final ObservabilityConfig config;
    private Admin admin;

    public KafkaReadinessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            ObservabilityConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> adminConfig = new HashMap<>();
            kafkaConfig.forEach((k, v) -> {
                if (AdminClientConfig.configNames().contains(k)) {
                    adminConfig.put(k, v);
                }
            });
            adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "rightsdesk-readiness");
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public HealthCheckResponse call() {
        int timeout = (int) config.kafkaHealthTimeout().toMillis();
        try {
            var nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeout)).nodes()
                    .get(timeout + 500L, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up().withData("brokers", nodes.size()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(NAME).down().withData("reason", "interrupted").build();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return HealthCheckResponse.named(NAME).down().withData("reason", cause.getClass().getSimpleName()).build();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
