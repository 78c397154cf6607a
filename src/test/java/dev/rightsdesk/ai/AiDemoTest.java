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
import dev.rightsdesk.ai.remediation.ModelRemediation;
import dev.rightsdesk.ai.remediation.RemediationState;
import dev.rightsdesk.ticket.TicketStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(AiDemoTest.DemoOn.class)
class AiDemoTest {

    /** The demo systems and pipeline on, as in the embedded run; quick replies, the pipeline not on a timer. */
    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(dev.rightsdesk.connector.ConnectorTestProfile.demoConnectors());
            config.putAll(Map.of("rightsdesk.demo.enabled", "true",
                    "rightsdesk.demo.reply-delay", "0.2s",
                    "rightsdesk.demo.model-registry.remediation-delay", "1s",
                    "rightsdesk.demo.training-pipeline.every", "1h",
                    "rightsdesk.demo.training-pipeline.corpus-emails", "ada@example.org,demo-forget@example.org"));
            return config;
        }
    }

    @Inject
    DemoTrainingPipeline pipeline;

    static TrainingRun awaitRun(String runId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TrainingRun.find("rightsdesk-demo", "train-recommender", runId)), Optional::isPresent).get();
    }

    @Test
    void anErasureGoesAllTheWayToReadyForResponseWhileTheDemoRegistryRemediatesItsModelVersions() {
        UUID ticket = RemediationFixtures.fannedOut("ERASURE", AiTestSupport.uniqueEmail("demo-erasure"), "{}");
        await().atMost(Duration.ofSeconds(60)).until(() -> RemediationFixtures.status(ticket) == TicketStatus.READY_FOR_RESPONSE);

        List<ModelRemediation> remediations = QuarkusTransaction.requiringNew().call(() -> ModelRemediation.forTicket(ticket));
        assertThat(remediations).extracting(r -> r.modelVersion + ":" + r.remedy + ":" + r.state)
                .containsExactlyInAnyOrder("3.1.0:RETIRED:RESOLVED", "3.2.0:RETRAINED:RESOLVED");
        assertThat(remediations).filteredOn(r -> r.remedy == RemediationState.RETRAINED).singleElement().satisfies(r -> {
            assertThat(r.newModelVersion).isEqualTo("3.3.0");
            assertThat(r.exclusionSnapshotVersion).isNotNull();
            assertThat(r.resolvedBy).isEqualTo("system");
        });
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
