package dev.rightsdesk.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.intake.SubjectConfig;
import dev.rightsdesk.intake.SubjectReachGuard;
import dev.rightsdesk.platform.crypto.CryptoConfig;
import dev.rightsdesk.platform.embedded.LocalSecrets;
import dev.rightsdesk.ticket.deadline.DeadlineConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Deployment under {@code k8s/base}: replicas, probes, resources, the restricted security context, and its
 * configuration: every environment variable it sets is a key the application reads (at run time), every secret
 * the application needs in production comes from a Secret, and the whole set maps onto the application's typed
 * configuration.
 */
class K8sDeploymentTest {

    static final Manifests MANIFESTS = K8sManifestsTest.MANIFESTS;
    /** Environment variables that configure the JVM, not the application. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    static final AppConfigKeys KEYS = new AppConfigKeys(K8sManifestsTest.PROJECT);

    static JsonNode deployment() {
        return MANIFESTS.base("Deployment", "rightsdesk").node();
    }

    static JsonNode container() {
        JsonNode containers = deployment().path("spec").path("template").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    @Test
    void twoReplicasWithProbesOnQuarkusHealthAndResourceBounds() {
        JsonNode spec = deployment().path("spec");
        assertThat(spec.path("replicas").asInt()).isEqualTo(2);
        JsonNode c = container();
        assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
        for (String kind : List.of("requests", "limits")) {
            assertThat(c.path("resources").path(kind).path("cpu").asText()).as("cpu %s", kind).isNotBlank();
            assertThat(c.path("resources").path(kind).path("memory").asText()).as("memory %s", kind).isNotBlank();
        }
        assertThat(c.path("ports").findValuesAsText("containerPort")).contains("8080");
    }

    @Test
    void runsNonRootReadOnlyWithoutPrivilegesAndWithAWritableTmp() {
        JsonNode pod = deployment().path("spec").path("template").path("spec");
        JsonNode c = container();
        JsonNode sc = c.path("securityContext");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(sc.path("runAsNonRoot").asBoolean(true)).isTrue();
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(Manifests.texts(sc.path("capabilities").path("drop"))).containsExactly("ALL");
        assertThat(sc.path("capabilities").path("add").size()).isZero();
        String seccomp = sc.path("seccompProfile").path("type")
                .asText(pod.path("securityContext").path("seccompProfile").path("type").asText());
        assertThat(seccomp).isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        String tmpVolume = null;
        for (JsonNode mount : c.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                tmpVolume = mount.path("name").asText();
            }
        }
        assertThat(tmpVolume).as("/tmp is mounted").isNotNull();
        String name = tmpVolume;
        assertThat(pod.path("volumes")).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo(name);
            assertThat(v.has("emptyDir")).isTrue();
        });
    }

    /** Name to value of every environment variable the container gets; secret ones as "secret:name/key". */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container().path("envFrom")) {
            String configMap = from.path("configMapRef").path("name").asText();
            assertThat(configMap).as("envFrom only from ConfigMaps (secrets by explicit key)").isNotBlank();
            JsonNode data = MANIFESTS.base("ConfigMap", configMap).node().path("data");
            data.fields().forEachRemaining(e -> {
                assertThat(e.getValue().isTextual()).as("ConfigMap value %s must be a string", e.getKey()).isTrue();
                env.put(e.getKey(), e.getValue().asText());
            });
        }
        for (JsonNode e : container().path("env")) {
            String name = e.path("name").asText();
            assertThat(env).as("%s set twice", name).doesNotContainKey(name);
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                env.put(name, "secret:" + ref.path("name").asText() + "/" + ref.path("key").asText());
            } else {
                assertThat(e.path("value").isTextual()).as("value of %s must be a string", name).isTrue();
                env.put(name, e.path("value").asText());
            }
        }
        return env;
    }

    @Test
    void everyVariableIsAKeyTheApplicationReadsAtRunTime() {
        Map<String, String> env = environment();
        assertThat(env).containsEntry("RIGHTSDESK_EMBEDDED_ENABLED", "false")
                .containsEntry("RIGHTSDESK_DEMO_ENABLED", "false")
                .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
                .containsEntry("QUARKUS_OIDC_TENANT_ENABLED", "true")
                .containsKeys("RIGHTSDESK_DEADLINE_ZONE", "RIGHTSDESK_DEADLINE_MEMBER_STATE");
        List<String> unknown = new ArrayList<>();
        List<String> buildTime = new ArrayList<>();
        for (String name : env.keySet()) {
            if (JVM_VARIABLES.contains(name)) {
                continue;
            }
            var key = KEYS.keyFor(name);
            if (key.isEmpty()) {
                unknown.add(name);
            } else if (!"RUN_TIME".equals(key.get().phase())) {
                buildTime.add(name + " (" + key.get().pattern() + ", " + key.get().phase() + ")");
            }
        }
        assertThat(unknown).as("environment variables that map to no configuration key the application reads").isEmpty();
        assertThat(buildTime).as("build-time properties cannot be changed by the environment").isEmpty();
    }

    @Test
    void theSystemsRegistryIsMountedWhereTheApplicationLooks() {
        String file = environment().get("RIGHTSDESK_SYSTEMS_FILE");
        assertThat(file).isNotBlank();
        JsonNode pod = deployment().path("spec").path("template").path("spec");
        String volume = null;
        for (JsonNode mount : container().path("volumeMounts")) {
            if (file.startsWith(mount.path("mountPath").asText() + "/")) {
                volume = mount.path("name").asText();
            }
        }
        assertThat(volume).as("a volume is mounted above %s", file).isNotNull();
        String name = volume;
        assertThat(pod.path("volumes")).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo(name);
            assertThat(v.path("configMap").path("name").asText()).isEqualTo("rightsdesk-systems");
        });
        assertThat(file).endsWith("/systems.yaml");
    }

    @Test
    void everySecretTheApplicationNeedsComesFromASecret() {
        Map<String, String> env = environment();
        List<String> required = new ArrayList<>(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_JAAS_CONFIG",
                "RIGHTSDESK_CRYPTO_ACTIVE_KEY_ID", "QUARKUS_OIDC_CREDENTIALS_SECRET"));
        for (String secret : LocalSecrets.names()) {
            if (secret.startsWith("rightsdesk.crypto.keys.")) {
                assertThat(env.keySet()).as("an AES key").anyMatch(n -> n.startsWith("RIGHTSDESK_CRYPTO_KEYS_"));
            } else {
                required.add(AppConfigKeys.envName(secret));
            }
        }
        for (String name : required) {
            assertThat(env).as("%s is set", name).containsKey(name);
            assertThat(env.get(name)).as("%s comes from a Secret", name).startsWith("secret:");
        }
        env.forEach((name, value) -> {
            if (name.matches(".*(PASSWORD|SECRET|_KEY|KEYS_.*|JAAS.*)$")) {
                assertThat(value).as("%s comes from a Secret, never a literal", name).startsWith("secret:");
            }
        });
    }

    /** The overlay's ConfigMap patch applied over the base environment (a strategic merge of {@code data}). */
    static Map<String, String> productionEnvironment() {
        Map<String, String> env = environment();
        MANIFESTS.docs.stream().filter(d -> d.file().startsWith("overlays/production") && d.kind().equals("ConfigMap")
                && d.name().equals("rightsdesk-config")).forEach(d -> d.node().path("data").fields()
                        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
        return env;
    }

    @Test
    void subjectsAreReachedByRealMailAndPublicLinksBehindTheIngress() {
        String host = MANIFESTS.docs.stream().filter(d -> d.kind().equals("Ingress")).findFirst().orElseThrow()
                .node().path("spec").path("rules").get(0).path("host").asText();
        for (var env : List.of(environment(), productionEnvironment())) {
            assertThat(env).containsKeys("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_FROM",
                    "QUARKUS_MAILER_START_TLS", "QUARKUS_MAILER_TLS", "RIGHTSDESK_SUBJECT_PUBLIC_BASE_URL",
                    "RIGHTSDESK_HTTP_TRUSTED_PROXIES");
            assertThat(env).containsEntry("QUARKUS_MAILER_MOCK", "false")
                    .containsEntry("QUARKUS_MAILER_USERNAME", "secret:rightsdesk-smtp/username")
                    .containsEntry("QUARKUS_MAILER_PASSWORD", "secret:rightsdesk-smtp/password");
            boolean startTls = env.get("QUARKUS_MAILER_START_TLS").equals("REQUIRED");
            assertThat(startTls || env.get("QUARKUS_MAILER_TLS").equals("true")).as("mail is encrypted on the way").isTrue();
            assertThat(env.get("RIGHTSDESK_HTTP_TRUSTED_PROXIES").split(",")).allSatisfy(block ->
                    assertThat(block.trim()).as("an IP address or CIDR block").matches("[0-9a-fA-F.:]+(/[0-9]{1,3})?"));
            URI publicBase = URI.create(env.get("RIGHTSDESK_SUBJECT_PUBLIC_BASE_URL"));
            var findings = SubjectReachGuard.check(publicBase, false, env.get("QUARKUS_MAILER_HOST"),
                    env.get("QUARKUS_MAILER_FROM"));
            assertThat(findings.fatal()).as("the production start would be refused").isEmpty();
            assertThat(findings.warnings()).as("the production start would warn").isEmpty();
        }
        assertThat(URI.create(productionEnvironment().get("RIGHTSDESK_SUBJECT_PUBLIC_BASE_URL")).getHost())
                .as("links in mails point at the overlay's ingress host").isEqualTo(host);
    }

    @Test
    void theEnvironmentMapsOntoTheTypedConfiguration() throws IOException {
        Map<String, String> env = new HashMap<>();
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        environment().forEach((name, value) -> env.put(name, !value.startsWith("secret:") ? value
                : value.endsWith("/active-key-id") ? "k1" : key));
        Properties app = new Properties();
        try (Reader in = Files.newBufferedReader(K8sManifestsTest.PROJECT.resolve("src/main/resources/application.properties"))) {
            app.load(in);
        }
        Map<String, String> appMap = app.stringPropertyNames().stream().collect(Collectors.toMap(n -> n, app::getProperty));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(env, 300))
                .withSources(new PropertiesConfigSource(appMap, "application.properties", 250))
                .withProfile("prod")
                // Quarkus' own duration syntax ("0s", "5m") as the application sees it
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withMapping(CryptoConfig.class)
                .withMapping(DeadlineConfig.class)
                .withMapping(dev.rightsdesk.ai.AiConfig.class)
                .withMapping(SubjectConfig.class)
                .build();
        CryptoConfig crypto = config.getConfigMapping(CryptoConfig.class);
        // RIGHTSDESK_CRYPTO_KEYS_K1 is the key with id "k1": the active id in the Secret is lower case
        assertThat(crypto.keys()).containsKey(crypto.activeKeyId());
        assertThat(crypto.blindIndexKey()).isEqualTo(key);
        DeadlineConfig deadline = config.getConfigMapping(DeadlineConfig.class);
        assertThat(deadline.zone().getId()).isEqualTo(env.get("RIGHTSDESK_DEADLINE_ZONE"));
        assertThat(deadline.memberState().name()).isEqualTo(env.get("RIGHTSDESK_DEADLINE_MEMBER_STATE"));
        assertThat(config.getValue("kafka.bootstrap.servers", String.class)).isEqualTo(key);
        var pipelines = config.getConfigMapping(dev.rightsdesk.ai.AiConfig.class).pipelines().orElseThrow();
        assertThat(pipelines).extracting(p -> p.name()).containsExactly(env.get("RIGHTSDESK_AI_PIPELINES_0__NAME"));
        assertThat(config.getValue("rightsdesk.training-exclusions.hmac-key", String.class)).isEqualTo(key);
        SubjectConfig subject = config.getConfigMapping(SubjectConfig.class);
        assertThat(subject.publicBaseUrl()).hasToString(env.get("RIGHTSDESK_SUBJECT_PUBLIC_BASE_URL"));
        assertThat(subject.productionChecks()).isTrue();
        assertThat(config.getValue("quarkus.mailer.mock", Boolean.class)).isFalse();
    }
}
