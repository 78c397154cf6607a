package dev.rightsdesk.connector.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code connector:} block of an {@code mlflow} model registry (docs/connectors.md "Model registries").
 *
 * @param trackingUri the MLflow server ({@code http://mlflow:5000})
 * @param token bearer token from {@code tokenEnv}, or empty
 * @param models registered model names to look at
 * @param personalDatasets dataset names (as logged as run inputs) holding personal data
 * @param lineageTag a model-version tag with {@code dataset@version,...}, for versions logged without run inputs
 * @param retire {@code remediation: RETIRE}: archive (and, with {@code delete: true}, delete) affected versions
 */
record MlflowSettings(URI trackingUri, String token, List<String> models, List<String> personalDatasets,
                      String lineageTag, boolean retire, boolean delete) {

    static MlflowSettings from(ConnectorSettings settings) throws InvalidConnectorConfig {
        JsonNode c = settings.config();
        String where = "systems file, system '" + settings.systemKey() + "', connector";
        if (!c.path("trackingUri").isTextual()) {
            throw new InvalidConnectorConfig(where + ".trackingUri: required");
        }
        String token = "";
        if (c.hasNonNull("tokenEnv")) {
            String ref = c.get("tokenEnv").asText();
            token = settings.secrets().apply(ref)
                    .orElseThrow(() -> new InvalidConnectorConfig(where + ".tokenEnv: the secret " + ref + " is not set"));
        }
        List<String> models = strings(c.path("models"));
        if (models.isEmpty()) {
            throw new InvalidConnectorConfig(where + ".models: name at least one registered model");
        }
        String policy = c.path("remediation").asText("REPORT");
        if (!policy.equals("RETIRE") && !policy.equals("REPORT")) {
            throw new InvalidConnectorConfig(where + ".remediation: RETIRE or REPORT");
        }
        return new MlflowSettings(URI.create(c.path("trackingUri").asText().replaceAll("/+$", "") + "/"), token, models,
                strings(c.path("personalDatasets")), c.path("lineageTag").asText("rightsdesk.training_datasets"),
                policy.equals("RETIRE"), c.path("delete").asBoolean(false));
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else {
            node.forEach(n -> out.add(n.asText()));
        }
        return List.copyOf(out);
    }
}
