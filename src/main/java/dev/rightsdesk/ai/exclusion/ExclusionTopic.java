package dev.rightsdesk.ai.exclusion;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Makes sure {@value ExclusionService#TOPIC} is compacted before anything is published to it: a broker
 * that auto-creates topics would otherwise create it with time-based deletion, and the list would
 * forget old exclusions. Creates it when missing and switches an existing topic to compaction.
 */
@ApplicationScoped
public class ExclusionTopic {

    private static final Logger LOG = Logger.getLogger(ExclusionTopic.class);

    private final ExclusionConfig config;
    private final Map<String, Object> kafka;

    public ExclusionTopic(ExclusionConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.topic().create()) {
            ensureCompacted();
        }
    }

    /** Creates or fixes the topic; logs (does not fail the start) when the broker cannot be reached. */
    public void ensureCompacted() {
        try (Admin admin = Admin.create(adminConfig())) {
            NewTopic topic = new NewTopic(ExclusionService.TOPIC, Optional.of(config.topic().partitions()),
                    Optional.of(config.topic().replicationFactor()))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
                LOG.infof("Created compacted topic %s", ExclusionService.TOPIC);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, ExclusionService.TOPIC);
                String policy = admin.describeConfigs(List.of(resource)).all().get(15, TimeUnit.SECONDS)
                        .get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                    Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(new ConfigEntry(
                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET));
                    admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(15, TimeUnit.SECONDS);
                    LOG.warnf("Topic %s had cleanup.policy=%s; switched to compact", ExclusionService.TOPIC, policy);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Could not ensure that %s is compacted (%s); create it with cleanup.policy=compact",
                    ExclusionService.TOPIC, e.getClass().getSimpleName());
        }
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> props = new java.util.HashMap<>();
        kafka.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return props;
    }
}
