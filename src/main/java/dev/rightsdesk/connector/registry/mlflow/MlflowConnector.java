package dev.rightsdesk.connector.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorCommand.Action;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An MLflow model registry over its public REST API: a model version's training datasets are the dataset inputs of
 * the run that produced it (plus a lineage tag). With the policy {@code RETIRE} a version trained on a dataset with
 * personal data is tagged with the ticket, loses its aliases, is archived and (policy {@code delete: true}) deleted.
 * MLflow keeps the run's artifacts (the weights) in its artifact store; the evidence says so.
 */
public final class MlflowConnector implements DataStoreConnector {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final MlflowSettings settings;
    private final MlflowClient client;

    MlflowConnector(MlflowSettings settings) {
        this.settings = settings;
        this.client = new MlflowClient(settings.trackingUri(), settings.token());
    }

    record Version(String model, String version, List<String> datasets, List<String> aliases) {
    }

    @Override
    public ConnectorResult execute(ConnectorCommand command, Progress progress) throws ConnectorFailure {
        try {
            List<Version> affected = new ArrayList<>();
            for (String model : settings.models()) {
                for (JsonNode v : client.versions(model)) {
                    Version version = lineage(v);
                    if (version.datasets().stream().anyMatch(d -> settings.personalDatasets()
                            .contains(d.contains("@") ? d.substring(0, d.indexOf('@')) : d))) {
                        affected.add(version);
                    }
                }
            }
            ObjectNode ev = JSON.objectNode().put("registry", settings.trackingUri().getAuthority());
            if (affected.isEmpty()) {
                return ConnectorResult.notFound("no model version trained on a dataset with personal data", ev);
            }
            ArrayNode modelVersions = JSON.arrayNode();
            affected.forEach(v -> {
                ArrayNode ds = modelVersions.addObject().put("name", v.model()).put("version", v.version())
                        .putArray("trainingDatasetVersions");
                v.datasets().forEach(ds::add);
            });
            ConnectorResult reported = ConnectorResult.completed(affected.size()
                    + " model versions trained on datasets with personal data", ev).withModelVersions(modelVersions);
            boolean retire = (command.action() == Action.ERASURE || command.action() == Action.OBJECTION)
                    && settings.retire() && !command.dryRun();
            if (!retire) {
                return reported;
            }
            progress.interim(reported);
            ArrayNode remediations = JSON.arrayNode();
            ArrayNode steps = ev.putArray("retired");
            for (Version v : affected) {
                client.setTag(v.model(), v.version(), "rightsdesk.ticket", command.ticketId().toString());
                for (String alias : v.aliases()) {
                    client.deleteAlias(v.model(), alias);
                }
                client.archive(v.model(), v.version());
                if (settings.delete()) {
                    client.delete(v.model(), v.version());
                }
                JsonNode now = client.version(v.model(), v.version());
                boolean done = settings.delete() ? now == null : "Archived".equals(now.path("current_stage").asText());
                ObjectNode step = steps.addObject().put("model", v.model()).put("version", v.version())
                        .put("aliasesRemoved", String.join(",", v.aliases()))
                        .put("state", now == null ? "deleted" : now.path("current_stage").asText());
                if (done) {
                    remediations.addObject().put("model", v.model()).put("version", v.version()).put("state", "RETIRED")
                            .putObject("evidence").put("reference", settings.trackingUri() + "#/models/" + v.model()
                                    + "/versions/" + v.version())
                            .put("note", (settings.delete() ? "deleted" : "archived") + " in MLflow, aliases removed"
                                    + (v.aliases().isEmpty() ? "" : " (" + String.join(", ", v.aliases()) + ")")
                                    + "; the run's artifacts stay in MLflow's artifact store until deleted there");
                }
                step.put("verified", done);
            }
            return ConnectorResult.completed(remediations.size() + " model versions retired", ev)
                    .withModelVersions(modelVersions).withRemediations(remediations);
        } catch (IOException e) {
            throw new ConnectorFailure("MLflow " + settings.trackingUri().getAuthority() + ": " + e.getMessage(), true, e);
        }
    }

    private Version lineage(JsonNode v) throws IOException {
        Set<String> datasets = new LinkedHashSet<>();
        for (JsonNode tag : v.path("tags")) {
            if (tag.path("key").asText().equals(settings.lineageTag())) {
                for (String d : tag.path("value").asText().split(",")) {
                    if (!d.isBlank()) {
                        datasets.add(d.trim());
                    }
                }
            }
        }
        String runId = v.path("run_id").asText("");
        if (!runId.isEmpty()) {
            for (JsonNode input : client.run(runId).path("inputs").path("dataset_inputs")) {
                JsonNode d = input.path("dataset");
                datasets.add(d.path("name").asText() + (d.hasNonNull("digest") ? "@" + d.path("digest").asText() : ""));
            }
        }
        List<String> aliases = new ArrayList<>();
        v.path("aliases").forEach(a -> aliases.add(a.asText()));
        return new Version(v.path("name").asText(), v.path("version").asText(), List.copyOf(datasets), aliases);
    }
}
