package dev.rightsdesk.connector.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.registry.oci.OciConnectorFactory;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.Progress;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import dev.rightsdesk.testing.OciRegistryServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retiring a ModelPack model version in a real OCI registry (Debian's docker-registry). */
class OciConnectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRetiredVersionsManifestAndWeightsAreGoneAndTheEvidenceNamesTheirDigests() throws Exception {
        assumeTrue(OciRegistryServer.available(), "apt-get install docker-registry (.ci/run does)");
        try (OciRegistryServer registry = new OciRegistryServer()) {
            String repo = "models/recommender";
            String tokenizer = registry.pushBlob(repo, "shared tokenizer".getBytes(StandardCharsets.UTF_8));
            String weights310 = registry.pushBlob(repo, "weights of 3.1.0".getBytes(StandardCharsets.UTF_8));
            String weights320 = registry.pushBlob(repo, "weights of 3.2.0".getBytes(StandardCharsets.UTF_8));
            byte[] config310 = "{\"descriptor\":{\"name\":\"recommender\",\"version\":\"3.1.0\"}}".getBytes(StandardCharsets.UTF_8);
            byte[] config320 = "{\"descriptor\":{\"name\":\"recommender\",\"version\":\"3.2.0\"}}".getBytes(StandardCharsets.UTF_8);
            String cfg310 = registry.pushBlob(repo, config310);
            String cfg320 = registry.pushBlob(repo, config320);
            String m310 = registry.pushManifest(repo, "3.1.0",
                    modelPack(cfg310, config310.length, weights310, tokenizer, "reviews@4412, public-corpus@7"));
            String m320 = registry.pushManifest(repo, "3.2.0",
                    modelPack(cfg320, config320.length, weights320, tokenizer, "public-corpus@7"));

            List<ConnectorResult> interim = new ArrayList<>();
            ConnectorResult result = connector(registry).execute(command(), new Progress() {
                @Override
                public void acknowledge() {
                }

                @Override
                public void interim(ConnectorResult r) {
                    interim.add(r);
                }
            });

            assertThat(interim).hasSize(1);
            assertThat(interim.get(0).modelVersions().toString()).contains("3.1.0", "reviews@4412").doesNotContain("3.2.0");
            assertThat(result.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
            assertThat(result.remediations()).hasSize(1);
            var remediation = result.remediations().get(0);
            assertThat(remediation.path("model").asText()).isEqualTo("recommender");
            assertThat(remediation.path("version").asText()).isEqualTo("3.1.0");
            assertThat(remediation.path("state").asText()).isEqualTo("RETIRED");
            assertThat(remediation.path("evidence").path("reference").asText()).contains(m310);
            assertThat(remediation.path("evidence").path("note").asText()).contains(weights310, cfg310).doesNotContain(tokenizer);

            assertThat(registry.status("/v2/" + repo + "/manifests/" + m310)).isEqualTo(404);
            assertThat(registry.status("/v2/" + repo + "/manifests/3.1.0")).isEqualTo(404);
            assertThat(registry.status("/v2/" + repo + "/blobs/" + weights310)).isEqualTo(404);
            // the version trained without personal data, and the blob it shares, stay
            assertThat(registry.status("/v2/" + repo + "/manifests/" + m320)).isEqualTo(200);
            assertThat(registry.status("/v2/" + repo + "/blobs/" + weights320)).isEqualTo(200);
            assertThat(registry.status("/v2/" + repo + "/blobs/" + tokenizer)).isEqualTo(200);
        }
    }

    private static String modelPack(String config, int configSize, String weights, String tokenizer, String lineage)
            throws Exception {
        ObjectNode m = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                .put("artifactType", "application/vnd.cncf.model.manifest.v1+json");
        m.putObject("config").put("mediaType", "application/vnd.cncf.model.config.v1+json").put("digest", config)
                .put("size", configSize);
        var layers = m.putArray("layers");
        layers.addObject().put("mediaType", "application/vnd.cncf.model.weight.v1.raw").put("digest", weights)
                .put("size", 16).putObject("annotations").put("org.cncf.model.filepath", "model.safetensors");
        layers.addObject().put("mediaType", "application/vnd.cncf.model.weight.config.v1.raw").put("digest", tokenizer)
                .put("size", 16).putObject("annotations").put("org.cncf.model.filepath", "tokenizer.json");
        m.putObject("annotations").put("org.cncf.model.dataset.versions", lineage)
                .put("org.opencontainers.image.title", "recommender");
        return JSON.writeValueAsString(m);
    }

    private static dev.rightsdesk.connector.spi.DataStoreConnector connector(OciRegistryServer registry) throws Exception {
        ObjectNode c = JSON.createObjectNode().put("type", "oci").put("registry", registry.baseUrl());
        c.putArray("repositories").add("models/recommender");
        c.putArray("personalDatasets").add("reviews");
        c.putObject("remediation").put("erasure", "RETIRE");
        var cmd = c.putObject("garbageCollect").putArray("command");
        registry.garbageCollectCommand().forEach(cmd::add);
        return new OciConnectorFactory().create(new ConnectorSettings("model-registry", "oci", c, Path.of("."),
                ref -> Optional.empty(), false));
    }

    private static ConnectorCommand command() {
        return new ConnectorCommand(UUID.randomUUID(), UUID.randomUUID(), "model-registry",
                ConnectorCommand.Action.ERASURE, 1, List.of(new SubjectIdentifier("email", "ada@example.org", true)),
                null, null, null, null, false);
    }
}
