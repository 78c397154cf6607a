package dev.rightsdesk.connector.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.registry.mlflow.MlflowConnectorFactory;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.Progress;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mlflow engine against a small stub of MLflow's documented REST contract (MLflow cannot run here). */
class MlflowConnectorTest {

    @Test
    void versionsTrainedOnAPersonalDatasetAreTaggedUnaliasedArchivedAndDeleted() throws Exception {
        try (MlflowRestStub mlflow = new MlflowRestStub()) {
            mlflow.version("recommender", "1", "run-a", "champion");
            mlflow.version("recommender", "2", "run-b");
            mlflow.run("run-a", "reviews", "4412");
            mlflow.run("run-b", "public-corpus", "7");

            ObjectNode c = new ObjectMapper().createObjectNode().put("type", "mlflow").put("trackingUri", mlflow.url())
                    .put("remediation", "RETIRE").put("delete", true);
            c.putArray("models").add("recommender");
            c.putArray("personalDatasets").add("reviews");
            var connector = new MlflowConnectorFactory().create(new ConnectorSettings("mlflow", "mlflow", c, Path.of("."),
                    ref -> Optional.empty(), false));
            UUID ticket = UUID.randomUUID();
            ConnectorResult result = connector.execute(new ConnectorCommand(UUID.randomUUID(), ticket, "mlflow",
                    ConnectorCommand.Action.ERASURE, 1, List.of(new SubjectIdentifier("email", "ada@example.org", true)),
                    null, null, null, null, false), Progress.SILENT);

            assertThat(result.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
            assertThat(result.modelVersions().toString()).contains("reviews@4412").doesNotContain("public-corpus");
            assertThat(result.remediations()).hasSize(1);
            assertThat(result.remediations().get(0).path("state").asText()).isEqualTo("RETIRED");
            assertThat(result.remediations().get(0).path("version").asText()).isEqualTo("1");
            assertThat(mlflow.calls).containsSubsequence("POST model-versions/set-tag", "DELETE registered-models/alias",
                    "POST model-versions/transition-stage", "DELETE model-versions/delete");
            assertThat(mlflow.versions).containsOnlyKeys("recommender/2");
        }
    }
}
