package dev.rightsdesk.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.platform.k8s.Manifests.Doc;
import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.system.SystemsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under {@code k8s/} parse, hold the properties docs/deployment.md promises (probes,
 * limits, non-root, read-only root, no privilege escalation, HPA, PDB, NetworkPolicy, one KafkaTopic per topic,
 * least-privilege KafkaUsers), and configure the application only through keys it actually reads. Plain JUnit:
 * no Quarkus, no cluster. {@link K8sDeploymentTest} checks the Deployment and its configuration.
 */
class K8sManifestsTest {

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Manifests MANIFESTS = new Manifests(PROJECT.resolve("k8s"));

    /** The connected systems of the production registry (k8s/base/systems.yaml, read by the application's parser). */
    static final List<ConnectedSystem> SYSTEMS = SystemsFile.load(PROJECT.resolve("k8s/base/systems.yaml").toString());

    @Test
    void everyManifestParsesAndNamesItsKind() {
        assertThat(MANIFESTS.files).hasSizeGreaterThan(10);
        assertThat(MANIFESTS.docs).allSatisfy(d -> {
            assertThat(d.node().path("apiVersion").asText()).as("apiVersion of %s", d).isNotBlank();
            assertThat(d.kind()).as("kind in %s", d.file()).isNotBlank();
            if (!d.kind().equals("Kustomization") && !d.kind().equals("Component")) {
                assertThat(d.name()).as("metadata.name of %s", d).isNotBlank();
            }
        });
        // every file is a manifest (no stray documents that kubectl would refuse)
        Set<Path> withDocs = MANIFESTS.docs.stream().map(Doc::file).collect(Collectors.toSet());
        assertThat(MANIFESTS.files.stream().filter(f -> !MANIFESTS.dataFiles.contains(f)).map(MANIFESTS.root::relativize))
                .allMatch(withDocs::contains);
    }

    @Test
    void kustomizeTreeAppliesFromTheTopAndListsEveryBaseFile() throws IOException {
        Map<Path, JsonNode> kustomizations = MANIFESTS.kustomizations();
        assertThat(Manifests.texts(kustomizations.get(Path.of("")).path("resources"))).containsExactly("base");
        assertThat(kustomizations).containsKeys(Path.of("base"), Path.of("overlays/production"));
        for (var k : kustomizations.entrySet()) {
            Path dir = MANIFESTS.root.resolve(k.getKey());
            List<String> refs = new ArrayList<>(Manifests.texts(k.getValue().path("resources")));
            refs.addAll(Manifests.texts(k.getValue().path("components")));
            k.getValue().path("patches").forEach(p -> refs.add(p.path("path").asText()));
            for (String ref : refs) {
                Path target = dir.resolve(ref).normalize();
                assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                        .as("%s/kustomization.yaml refers to %s", k.getKey(), ref).isTrue();
            }
        }
        List<String> baseResources = new ArrayList<>(Manifests.texts(kustomizations.get(Path.of("base")).path("resources")));
        kustomizations.get(Path.of("base")).path("configMapGenerator").forEach(g -> baseResources.addAll(Manifests.texts(g.path("files"))));
        try (Stream<Path> files = Files.list(MANIFESTS.root.resolve("base"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("kustomization.yaml")))
                    .as("every file in k8s/base is applied").allMatch(baseResources::contains);
        }
    }

    /** Where kubectl is installed (not required), Kustomize itself renders the top level and the overlay. */
    @Test
    void kustomizeRendersTheTreeWhereKubectlIsInstalled() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl"))), "kubectl not installed");
        for (String dir : List.of("k8s", "k8s/overlays/production")) {
            Process p = new ProcessBuilder("kubectl", "kustomize", dir).directory(PROJECT.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("kubectl kustomize %s: %s", dir, out).isZero();
            assertThat(out).contains("kind: Deployment", "kind: KafkaTopic");
        }
    }

    @Test
    void serviceHpaPdbAndNetworkPolicySelectTheDeployment() {
        JsonNode deployment = MANIFESTS.base("Deployment", "rightsdesk").node();
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode service = MANIFESTS.base("Service", "rightsdesk").node();
        assertSelects(service.path("spec").path("selector"), podLabels);
        assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");

        JsonNode hpa = MANIFESTS.base("HorizontalPodAutoscaler", "rightsdesk").node();
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo("rightsdesk");
        assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.path("spec").path("maxReplicas").asInt()).isGreaterThan(hpa.path("spec").path("minReplicas").asInt());

        JsonNode pdb = MANIFESTS.base("PodDisruptionBudget", "rightsdesk").node();
        assertThat(pdb.path("apiVersion").asText()).isEqualTo("policy/v1");
        assertSelects(pdb.path("spec").path("selector").path("matchLabels"), podLabels);
        assertThat(pdb.path("spec").path("minAvailable").asInt())
                .isBetween(1, deployment.path("spec").path("replicas").asInt() - 1);

        JsonNode policy = MANIFESTS.base("NetworkPolicy", "rightsdesk").node();
        assertSelects(policy.path("spec").path("podSelector").path("matchLabels"), podLabels);
        assertThat(Manifests.texts(policy.path("spec").path("policyTypes"))).contains("Ingress", "Egress");
        assertThat(policy.path("spec").path("ingress").findValues("port")).extracting(JsonNode::asInt).contains(8080);
        List<Integer> egressPorts = policy.path("spec").path("egress").findValues("port").stream()
                .map(JsonNode::asInt).collect(Collectors.toList());
        assertThat(egressPorts).as("DNS, Kafka, PostgreSQL, OIDC/HTTPS, SMTP").contains(53, 9093, 5432, 443, 587);
    }

    @Test
    void everyTopicHasAKafkaTopicWithTheRetentionTheContractNeeds() throws IOException {
        Map<String, JsonNode> topics = MANIFESTS.ofKind("KafkaTopic").stream().collect(Collectors.toMap(
                d -> d.node().path("spec").path("topicName").asText(d.name()), d -> d.node()));
        assertThat(topics.keySet()).containsAll(topicsTheApplicationUses());
        topics.forEach((name, topic) -> {
            JsonNode spec = topic.path("spec");
            assertThat(topic.path("apiVersion").asText()).startsWith("kafka.strimzi.io/");
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name).isNotBlank();
            assertThat(spec.path("replicas").asInt()).as("replicas of %s", name).isGreaterThanOrEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name).isEqualTo(2);
            assertThat(spec.path("config").has("retention.ms")).as("explicit retention of %s", name).isTrue();
            long retention = spec.path("config").path("retention.ms").asLong();
            if (name.equals("dsr.training-exclusions")) {
                // the exclusion list must never expire: a pipeline starting fresh reads the whole list
                assertThat(spec.path("config").path("cleanup.policy").asText()).isEqualTo("compact");
                assertThat(retention).isEqualTo(-1);
                assertThat(spec.path("config").path("delete.retention.ms").asLong()).as("tombstones stay readable")
                        .isGreaterThanOrEqualTo(Duration.DAYS_1 * 7);
            } else if (name.equals("dsr.audit-anchors")) {
                // the anchor history outlives any database rewrite: every anchor kept, none expired
                assertThat(spec.path("config").path("cleanup.policy").asText()).isEqualTo("delete");
                assertThat(retention).isEqualTo(-1);
            } else {
                assertThat(spec.path("config").path("cleanup.policy").asText()).as(name).isEqualTo("delete");
                // long enough to ride out a weekend outage of a consumer; task commands outlive reply deadlines
                assertThat(retention).as("retention of %s", name).isGreaterThanOrEqualTo(Duration.DAYS_1 * 7);
            }
            if (name.startsWith("dsr.tasks.")) {
                assertThat(retention).isGreaterThanOrEqualTo(Duration.DAYS_1 * 14);
            }
        });
    }

    /** Topics named in application.properties, as literals in the code, the required ones, and one per system. */
    static Set<String> topicsTheApplicationUses() throws IOException {
        Set<String> topics = new TreeSet<>(List.of("dsr.ticket-events", "dsr.ticket-events.dlq", "dsr.task-results",
                "dsr.task-results.dlq", "dsr.training-exclusions", "openlineage.events", "openlineage.events.dlq"));
        SYSTEMS.forEach(s -> topics.add(s.topic()));
        Pattern literal = Pattern.compile("\"((?:dsr|openlineage)\\.[a-z0-9.-]*[a-z0-9])\"");
        Pattern property = Pattern.compile("^[^#]*\\.topic=\\s*(\\S+)\\s*$", Pattern.MULTILINE);
        try (Stream<Path> sources = Files.walk(PROJECT.resolve("src/main"))) {
            for (Path f : sources.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String text = Files.readString(f);
                Matcher m = (f.toString().endsWith(".properties") ? property : literal).matcher(text);
                while (m.find()) {
                    topics.add(m.group(1));
                }
            }
        }
        return topics;
    }

    @Test
    void everyConnectedSystemReadsOnlyItsOwnTasksAndWritesResults() throws IOException {
        Set<String> allTopics = topicsTheApplicationUses();
        assertThat(SYSTEMS).isNotEmpty();
        for (ConnectedSystem connected : SYSTEMS) {
            if (connected.builtIn()) {
                continue; // served by the connector Deployment: K8sConnectorsTest
            }
            String system = connected.key();
            JsonNode user = MANIFESTS.base("KafkaUser", "rightsdesk-system-" + system).node();
            assertThat(topicsWith(user, "Read", allTopics)).as("%s reads", system).containsExactly(connected.topic());
            assertThat(topicsWith(user, "Write", allTopics)).as("%s writes", system).containsExactly("dsr.task-results");
            assertThat(user.path("spec").path("authentication").path("type").asText()).isNotBlank();
        }
        List<Doc> pipelines = MANIFESTS.ofKind("KafkaUser").stream()
                .filter(d -> d.name().startsWith("rightsdesk-pipeline-")).collect(Collectors.toList());
        assertThat(pipelines).isNotEmpty();
        for (Doc pipeline : pipelines) {
            assertThat(topicsWith(pipeline.node(), "Read", allTopics)).as(pipeline.name())
                    .containsExactly("dsr.training-exclusions");
            assertThat(topicsWith(pipeline.node(), "Write", allTopics)).as(pipeline.name())
                    .containsExactly("openlineage.events");
        }
        JsonNode auditor = MANIFESTS.base("KafkaUser", "rightsdesk-auditor").node();
        assertThat(topicsWith(auditor, "Read", allTopics)).containsExactly("dsr.audit-anchors");
        assertThat(topicsWith(auditor, "Write", allTopics)).isEmpty();
        JsonNode service = MANIFESTS.base("KafkaUser", "rightsdesk").node();
        assertThat(topicsWith(service, "Read", allTopics)).containsExactlyInAnyOrderElementsOf(allTopics);
        assertThat(topicsWith(service, "Write", allTopics)).containsExactlyInAnyOrderElementsOf(allTopics);
    }

    /** The topics among {@code topics} that the user's ACLs allow {@code operation} on. */
    static Set<String> topicsWith(JsonNode user, String operation, Set<String> topics) {
        Set<String> allowed = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            if (!resource.path("type").asText().equals("topic") || !Manifests.texts(acl.path("operations")).contains(operation)
                    && !Manifests.texts(acl.path("operations")).contains("All")) {
                continue;
            }
            String name = resource.path("name").asText();
            boolean prefix = resource.path("patternType").asText("literal").equals("prefix");
            topics.stream().filter(t -> name.equals("*") || (prefix ? t.startsWith(name) : t.equals(name))).forEach(allowed::add);
        }
        return allowed;
    }

    static void assertSelects(JsonNode selector, JsonNode labels) {
        assertThat(selector.size()).isPositive();
        selector.fields().forEachRemaining(e ->
                assertThat(labels.path(e.getKey()).asText()).as("label %s", e.getKey()).isEqualTo(e.getValue().asText()));
    }

    /** Milliseconds. */
    static final class Duration {
        static final long DAYS_1 = 86_400_000L;
    }
}
