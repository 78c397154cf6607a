package dev.rightsdesk.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.system.ConnectedSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The connector Deployment (docs/connectors.md): the same image as the core in role {@code connectors}, its own
 * KafkaUser that reads exactly the built-in systems' task topics and writes results, database passwords from Secrets
 * under the names the systems file gives them, and a NetworkPolicy of its own.
 */
class K8sConnectorsTest {

    static final Manifests MANIFESTS = K8sManifestsTest.MANIFESTS;
    static final AppConfigKeys KEYS = K8sDeploymentTest.KEYS;

    static JsonNode deployment() {
        return MANIFESTS.base("Deployment", "rightsdesk-connectors").node();
    }

    static JsonNode container() {
        JsonNode containers = deployment().path("spec").path("template").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static List<ConnectedSystem> builtIn() {
        return K8sManifestsTest.SYSTEMS.stream().filter(ConnectedSystem::builtIn).toList();
    }

    @Test
    void theSameImageRunsInRoleConnectorsWithProbesAndBounds() {
        JsonNode core = K8sDeploymentTest.container();
        JsonNode c = container();
        assertThat(c.path("image").asText()).isEqualTo(core.path("image").asText());
        Map<String, String> env = env(c);
        assertThat(env).containsEntry("RIGHTSDESK_ROLE", "connectors");
        assertThat(K8sDeploymentTest.environment()).doesNotContainKey("RIGHTSDESK_ROLE");
        assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(c.path("resources").path("limits").path("memory").asText()).isNotBlank();
        assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(deployment().path("spec").path("template").path("spec").path("automountServiceAccountToken").asBoolean(true))
                .isFalse();
        assertThat(deployment().path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/component")
                .asText()).isEqualTo("connectors");
    }

    @Test
    void kafkaAndDatabaseCredentialsComeFromSecretsAndEveryOtherVariableIsAKeyTheApplicationReads() {
        Map<String, String> env = env(container());
        assertThat(env).containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret:rightsdesk-connectors/sasl.jaas.config");
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).startsWith("secret:");
        Set<String> passwordVariables = new TreeSet<>();
        for (ConnectedSystem system : builtIn()) {
            JsonNode config = system.connector().config();
            assertThat(config.has("password")).as("%s: no password in clear", system.key()).isFalse();
            String variable = config.path("passwordEnv").asText();
            assertThat(variable).as("%s names its password variable", system.key()).isNotBlank();
            assertThat(env.get(variable)).as("%s comes from a Secret", variable).startsWith("secret:");
            passwordVariables.add(variable);
        }
        List<String> unknown = new ArrayList<>();
        for (String name : env.keySet()) {
            if (K8sDeploymentTest.JVM_VARIABLES.contains(name) || passwordVariables.contains(name)) {
                continue;
            }
            var key = KEYS.keyFor(name);
            if (key.isEmpty() || !"RUN_TIME".equals(key.get().phase())) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("variables that map to no run-time key the application reads").isEmpty();
    }

    @Test
    void itsKafkaUserReadsExactlyTheBuiltInSystemsTopicsAndWritesOnlyResults() {
        assertThat(builtIn()).as("the example systems file has built-in systems").isNotEmpty();
        JsonNode user = MANIFESTS.base("KafkaUser", "rightsdesk-connectors").node();
        Set<String> all = new TreeSet<>(K8sManifestsTest.SYSTEMS.stream().map(ConnectedSystem::topic).toList());
        all.addAll(Set.of("dsr.task-results", "dsr.ticket-events", "dsr.task-results.dlq", "dsr.training-exclusions",
                "dsr.audit-anchors", "openlineage.events"));
        assertThat(K8sManifestsTest.topicsWith(user, "Read", all))
                .containsExactlyInAnyOrderElementsOf(builtIn().stream().map(ConnectedSystem::topic).collect(Collectors.toSet()));
        assertThat(K8sManifestsTest.topicsWith(user, "Write", all)).containsExactly("dsr.task-results");
        JsonNode groups = user.path("spec").path("authorization").path("acls");
        assertThat(groups.findValues("resource").stream().filter(r -> r.path("type").asText().equals("group"))
                .map(r -> r.path("name").asText()).toList()).containsExactly("rightsdesk-connector-");
        for (ConnectedSystem system : builtIn()) {
            assertThat(MANIFESTS.ofKind("KafkaUser").stream().map(Manifests.Doc::name))
                    .as("no external connector user for built-in %s", system.key())
                    .doesNotContain("rightsdesk-system-" + system.key());
        }
    }

    @Test
    void aNetworkPolicyOfItsOwnLetsItReachOnlyKafkaAndTheDatabases() {
        JsonNode policy = MANIFESTS.base("NetworkPolicy", "rightsdesk-connectors").node();
        K8sManifestsTest.assertSelects(policy.path("spec").path("podSelector").path("matchLabels"),
                deployment().path("spec").path("template").path("metadata").path("labels"));
        List<Integer> egress = policy.path("spec").path("egress").findValues("port").stream().map(JsonNode::asInt).toList();
        assertThat(egress).contains(53, 9093, 5432, 3306).doesNotContain(443, 587);
        JsonNode core = MANIFESTS.base("NetworkPolicy", "rightsdesk").node();
        assertThat(core.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/component").asText())
                .isEqualTo("server");
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            MANIFESTS.base("ConfigMap", from.path("configMapRef").path("name").asText()).node().path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode e : container.path("env")) {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            env.put(e.path("name").asText(), ref.isMissingNode() ? e.path("value").asText()
                    : "secret:" + ref.path("name").asText() + "/" + ref.path("key").asText());
        }
        return env;
    }
}
