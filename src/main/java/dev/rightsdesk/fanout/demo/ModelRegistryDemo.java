package dev.rightsdesk.fanout.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Demo model registry ({@code model-registry}, kind MODEL_REGISTRY): reports the two model versions trained on
 * the demo training corpus. For an erasure or objection each gets a model remediation on the Rightsdesk side.
 */
@ApplicationScoped
public class ModelRegistryDemo implements DemoSystem {

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
    }

    private static String datasetVersion(int i) {
        return TrainingCorpusDemo.DATASET + "@" + TrainingCorpusDemo.VERSIONS[i];
    }
}
