package dev.rightsdesk.connector.registry.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code connector:} block of an {@code oci} model registry (docs/connectors.md "Model registries").
 *
 * @param registry base URL ({@code http://127.0.0.1:5000})
 * @param repositories the repositories holding model versions (one model per repository, a version per tag)
 * @param lineageAnnotation the manifest annotation listing the training-dataset versions, comma-separated
 *        {@code dataset@version}
 * @param personalDatasets the datasets holding personal data: a model version trained on any version of one of
 *        them is reported for every erasure or objection (the registry cannot see subjects)
 * @param retireOnErasure / retireOnObjection the remediation policy: {@code RETIRE} deletes the version, else report only
 * @param garbageCollect the command that removes unreferenced blobs, or empty to only check
 */
record OciSettings(URI registry, String user, String password, List<String> repositories, String lineageAnnotation,
                   List<String> personalDatasets, boolean retireOnErasure, boolean retireOnObjection,
                   List<String> garbageCollect) {

    static final String DEFAULT_LINEAGE = "org.cncf.model.dataset.versions";

    static OciSettings from(ConnectorSettings settings) throws InvalidConnectorConfig {
        JsonNode c = settings.config();
        String where = "systems file, system '" + settings.systemKey() + "', connector";
        if (!c.path("registry").isTextual()) {
            throw new InvalidConnectorConfig(where + ".registry: required (http://host:port)");
        }
        URI registry = URI.create(c.path("registry").asText().replaceAll("/+$", "") + "/");
        List<String> repos = strings(c.path("repositories"));
        if (repos.isEmpty()) {
            throw new InvalidConnectorConfig(where + ".repositories: name at least one repository");
        }
        String password = "";
        if (c.hasNonNull("passwordEnv")) {
            String ref = c.get("passwordEnv").asText();
            password = settings.secrets().apply(ref)
                    .orElseThrow(() -> new InvalidConnectorConfig(where + ".passwordEnv: the secret " + ref + " is not set"));
        }
        JsonNode remediation = c.path("remediation");
        return new OciSettings(registry, c.path("user").asText(""), password, repos,
                c.path("lineageAnnotation").asText(DEFAULT_LINEAGE), strings(c.path("personalDatasets")),
                retire(remediation.path("erasure"), where), retire(remediation.path("objection"), where),
                strings(c.path("garbageCollect").path("command")));
    }

    private static boolean retire(JsonNode policy, String where) throws InvalidConnectorConfig {
        String p = policy.asText("REPORT");
        if (!p.equals("RETIRE") && !p.equals("REPORT")) {
            throw new InvalidConnectorConfig(where + ".remediation: RETIRE or REPORT, not " + p);
        }
        return p.equals("RETIRE");
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else {
            node.forEach(n -> out.add(n.asText()));
        }
        return List.copyOf(out);
    }
}
