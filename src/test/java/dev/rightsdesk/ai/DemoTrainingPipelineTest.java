package dev.rightsdesk.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.ai.demo.DemoTrainingPipeline;
import dev.rightsdesk.ai.lineage.RunFinding;
import dev.rightsdesk.ai.lineage.TrainingRun;
import dev.rightsdesk.ai.lineage.TrainingRunViolation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DemoTrainingPipelineTest.DemoOn.class)
class DemoTrainingPipelineTest {

    /** The demo pipeline on, as in the embedded run, but not on a timer. */
    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rightsdesk.demo.training-pipeline.enabled", "true",
                    "rightsdesk.demo.training-pipeline.every", "1h",
                    "rightsdesk.demo.training-pipeline.corpus-emails", "ada@example.org,demo-forget@example.org");
        }
    }

    @Inject
    DemoTrainingPipeline pipeline;

    static TrainingRun awaitRun(String runId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TrainingRun.find("rightsdesk-demo", "train-recommender", runId)), Optional::isPresent).get();
    }

    @Test
    void theDemoPipelineFiltersByTheCurrentSnapshotAndAForgetfulRunIsCaught() {
        UUID ticket = AiTestSupport.submit("ERASURE", "demo-forget@example.org", "C-demo", "{}");
        AiTestSupport.verify(ticket);

        var run = pipeline.train(false);
        assertThat(run.excluded()).isGreaterThanOrEqualTo(1);
        TrainingRun good = awaitRun(run.runId());
        assertThat(good.finding).isEqualTo(RunFinding.COMPLIANT);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETE".equals(awaitRun(run.runId()).lastEventType));

        // another subject excluded, then a run that applies the snapshot before it
        UUID later = AiTestSupport.submit("OBJECTION", AiTestSupport.uniqueEmail("demo-later"), "C-later",
                "{\"basis\": \"LEGITIMATE_INTEREST\", \"purposes\": [\"ai-training\"]}");
        AiTestSupport.verify(later);
        var forgetful = pipeline.train(true);
        assertThat(forgetful.forgot()).isTrue();
        TrainingRun bad = awaitRun(forgetful.runId());
        assertThat(bad.finding).isEqualTo(RunFinding.STALE_SNAPSHOT);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrainingRunViolation.forRun(bad.id)))
                .extracting(v -> v.ticketId).containsExactly(later);
    }
}
