package dev.rightsdesk.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.ai.access.AiAccessSection;
import dev.rightsdesk.ai.access.AiAccessSections;
import dev.rightsdesk.ai.lineage.TrainingRun;
import dev.rightsdesk.ai.lineage.TrainingRunEvidence.Outcome;
import dev.rightsdesk.ai.remediation.ModelRemediation;
import dev.rightsdesk.ai.remediation.RemediationEvidence;
import dev.rightsdesk.ai.remediation.RemediationService;
import dev.rightsdesk.ai.remediation.RemediationState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AiAccessSectionTest {

    @Inject
    AiAccessSections sections;
    @Inject
    RemediationService remediations;

    @Test
    void theAccessAnswerListsDatasetsModelVersionsWithRemediationAndTheRunsSinceTheExclusion() throws Exception {
        String email = AiTestSupport.uniqueEmail("access");
        UUID erasure = RemediationFixtures.fannedOut("ERASURE", email, ModelRemediationTest.ERASURE);
        RemediationFixtures.corpusReports(erasure);
        RemediationFixtures.registryReports(erasure, "recommender:5.0.0");
        remediations.openFor(erasure);
        UUID remediation = QuarkusTransaction.requiringNew().call(() -> ModelRemediation.forTicket(erasure).get(0).id);
        remediations.record(remediation, RemediationState.RETIRED, RemediationEvidence.none(), "officer-1");

        String runId = UUID.randomUUID().toString();
        OpenLineageEvents.send(OpenLineageEvents.event("START", runId, Instant.now(), OpenLineageEvents.NAMESPACE,
                OpenLineageEvents.JOB, OpenLineageEvents.currentFacet()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                TrainingRun.find(OpenLineageEvents.NAMESPACE, OpenLineageEvents.JOB, runId)), Optional::isPresent);

        AiAccessSection section = QuarkusTransaction.requiringNew().call(() -> sections.forTicket(erasure));
        assertThat(section.trainingDatasets()).singleElement().satisfies(d -> {
            assertThat(d.dataset()).isEqualTo("customer-orders");
            assertThat(d.recordsRemoved()).isEqualTo(3);
        });
        assertThat(section.modelVersions()).singleElement().satisfies(m -> {
            assertThat(m.model()).isEqualTo("recommender");
            assertThat(m.remediation().state()).isEqualTo(RemediationState.RESOLVED);
            assertThat(m.remediation().remedy()).isEqualTo(RemediationState.RETIRED);
        });
        assertThat(section.exclusions()).singleElement().satisfies(x -> {
            assertThat(x.active()).isTrue();
            assertThat(x.identifiers()).isEqualTo(2);
        });
        assertThat(section.trainingRuns()).anySatisfy(r -> {
            assertThat(r.runId()).isEqualTo(runId);
            assertThat(r.outcome()).isEqualTo(Outcome.EXCLUDED);
            assertThat(r.statement()).startsWith("Excluded from run " + runId);
        });
        assertThat(section.runSummary().excluded()).isGreaterThanOrEqualTo(1);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().writeValueAsString(section))
                .doesNotContain(email).doesNotContain(email.toLowerCase());

        // a later access request of the same subject shows the erasure's exclusion and its runs
        UUID access = AiTestSupport.submit("ACCESS", email, "C-x", "{}");
        AiAccessSection later = QuarkusTransaction.requiringNew().call(() -> sections.forTicket(access));
        assertThat(later.exclusions()).extracting(AiAccessSection.Exclusion::ticketId).containsExactly(erasure);
        assertThat(later.trainingRuns()).extracting(AiAccessSection.TrainingRun::runId).contains(runId);
    }
}
