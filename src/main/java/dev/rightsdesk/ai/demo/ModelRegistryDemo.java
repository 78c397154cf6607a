package dev.rightsdesk.ai.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshots;
import dev.rightsdesk.fanout.demo.DemoReplies;
import dev.rightsdesk.fanout.demo.DemoSystem;
import dev.rightsdesk.fanout.demo.TrainingCorpusDemo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo model registry ({@code model-registry}, kind MODEL_REGISTRY): reports the two model versions trained on
 * the demo training corpus. For an erasure or objection each gets a model remediation on the Rightsdesk side,
 * and after {@code rightsdesk.demo.model-registry.remediation-delay} the registry reports them remediated, as
 * a later result on the same task: 3.1.0 retired, 3.2.0 retrained without the subject as 3.3.0.
 */
@ApplicationScoped
public class ModelRegistryDemo implements DemoSystem {

    private static final Set<String> REMEDIATED = Set.of("ERASURE", "OBJECTION");

    private final Duration remediationDelay;
    private final ExclusionSnapshots snapshots;

    public ModelRegistryDemo(
            @ConfigProperty(name = "rightsdesk.demo.model-registry.remediation-delay", defaultValue = "20s") Duration remediationDelay,
            ExclusionSnapshots snapshots) {
        this.remediationDelay = remediationDelay;
        this.snapshots = snapshots;
    }

    @Override
    public String key() {
        return "model-registry";
    }

    @Override
    public void handle(JsonNode command, DemoReplies replies) {
        ObjectNode result = replies.result("COMPLETED").put("summary", "2 model versions trained on the subject's data");
        var models = result.putArray("modelVersions");
        models.addObject().put("name", "recommender").put("version", "3.1.0")
                .putArray("trainingDatasetVersions").add(datasetVersion(0));
        models.addObject().put("name", "recommender").put("version", "3.2.0")
                .putArray("trainingDatasetVersions").add(datasetVersion(0)).add(datasetVersion(1));
        replies.send(result);
        if (REMEDIATED.contains(command.path("action").asText())) {
            replies.sendLater(remediationDelay, remediated(replies));
        }
    }

    /**
     * The progress report: a real registry's retraining job pins the exclusion snapshot it applies (GET
     * /api/v1/training-exclusions/snapshot) and names it as evidence; the demo reads the same in-process.
     */
    private ObjectNode remediated(DemoReplies replies) {
        // on the connector's own thread: a transaction gives the read its persistence context
        var snapshot = QuarkusTransaction.requiringNew().call(snapshots::current);
        ObjectNode progress = replies.result("COMPLETED").put("summary", "model versions remediated");
        var reports = progress.putArray("remediations");
        reports.addObject().put("model", "recommender").put("version", "3.1.0").put("state", "RETIRED")
                .putObject("evidence").put("note", "withdrawn from serving; superseded by 3.3.0");
        reports.addObject().put("model", "recommender").put("version", "3.2.0").put("state", "RETRAINED")
                .putObject("evidence").put("newModelVersion", "3.3.0")
                .put("exclusionSnapshotVersion", snapshot.version())
                .put("exclusionSnapshotDigest", snapshot.digest())
                .put("reference", "demo://model-registry/recommender/3.3.0");
        return progress;
    }

    private static String datasetVersion(int i) {
        return TrainingCorpusDemo.DATASET + "@" + TrainingCorpusDemo.VERSIONS[i];
    }
}
