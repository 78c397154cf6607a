package dev.rightsdesk.fanout.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Demo training dataset ({@code training-corpus}, kind TRAINING_DATASET): answers with the dataset versions that
 * hold the subject; on erasure or objection it removes the records from them and excludes the subject from
 * every future version.
 */
@ApplicationScoped
public class TrainingCorpusDemo implements DemoSystem {

    /** The dataset and its versions, as the model registry demo names them in trainingDatasetVersions. */
    public static final String DATASET = "orders-and-reviews";
    public static final String[] VERSIONS = {"2024-06", "2024-09"};

    @Override
    public String key() {
        return "training-corpus";
    }

    @Override
    public void handle(JsonNode command, DemoReplies replies) {
        boolean remove = !"ACCESS".equals(command.path("action").asText());
        ObjectNode result = replies.result("COMPLETED").put("summary", remove
                ? "5 records removed from 2 dataset versions; excluded from future versions"
                : "the subject's records are in 2 dataset versions");
        var datasets = result.putArray("datasets");
        datasets.addObject().put("dataset", DATASET).put("version", VERSIONS[0])
                .put("recordsRemoved", remove ? 3 : 0).put("recordsExcluded", remove ? 3 : 0);
        datasets.addObject().put("dataset", DATASET).put("version", VERSIONS[1])
                .put("recordsRemoved", remove ? 2 : 0).put("recordsExcluded", remove ? 2 : 0);
        replies.send(result);
    }
}
