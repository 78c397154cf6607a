package dev.rightsdesk.ai;

import static dev.rightsdesk.ai.RemediationFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rightsdesk.ai.exclusion.ExclusionService;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshot;
import dev.rightsdesk.ai.exclusion.TrainingExclusion;
import dev.rightsdesk.ai.remediation.ModelRemediation;
import dev.rightsdesk.ai.remediation.ModelRemediationChange;
import dev.rightsdesk.ai.remediation.RemediationEvidence;
import dev.rightsdesk.ai.remediation.RemediationJobs;
import dev.rightsdesk.ai.remediation.RemediationService;
import dev.rightsdesk.ai.remediation.RemediationState;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelRemediationTest {

    static final String ERASURE = "{\"ground\": \"17(1)(a)\"}";
    static final String AI_OBJECTION = "{\"basis\": \"LEGITIMATE_INTEREST\", \"purposes\": [\"ai-training\"]}";

    @Inject
    RemediationService remediations;
    @Inject
    RemediationJobs jobs;
    @Inject
    ExclusionService exclusions;

    static List<ModelRemediation> of(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> ModelRemediation.forTicket(ticketId));
    }

    static ModelRemediation model(UUID ticketId, String version) {
        return of(ticketId).stream().filter(r -> r.modelVersion.equals(version)).findFirst().orElseThrow();
    }

    static RemediationEvidence retrained(String newVersion, long snapshot) {
        return new RemediationEvidence(newVersion, snapshot, null, null, null, "https://mlflow.example/recommender", null);
    }

    static int statusCode(Runnable r) {
        try {
            r.run();
            return 0;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    @Test
    void registryAnswersOpenRemediationsThatHoldTheTicketOpenUntilEveryOneIsResolved() {
        UUID ticket = RemediationFixtures.fannedOut("ERASURE", AiTestSupport.uniqueEmail("remediate"), ERASURE);
        RemediationFixtures.registryReports(ticket, "recommender:3.0.0", "recommender:3.1.0");
        RemediationFixtures.allTasksAnswered(ticket);
        assertThat(status(ticket)).as("reported model versions hold the ticket even before remediations exist")
                .isEqualTo(TicketStatus.AWAITING_SYSTEMS);

        jobs.sync();
        assertThat(of(ticket)).hasSize(2).allSatisfy(r -> {
            assertThat(r.state).isEqualTo(RemediationState.AFFECTED);
            Ticket t = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticket));
            assertThat(r.dueDate).isBeforeOrEqualTo(t.effectiveDue);
        });
        jobs.sync();
        assertThat(of(ticket)).as("sync is idempotent").hasSize(2);

        remediations.record(model(ticket, "3.0.0").id, RemediationState.RETIRED, RemediationEvidence.note("archived"), "system:model-registry");
        assertThat(model(ticket, "3.0.0").state).as("a retirement resolves on recording").isEqualTo(RemediationState.RESOLVED);
        assertThat(status(ticket)).isEqualTo(TicketStatus.AWAITING_SYSTEMS);

        UUID other = model(ticket, "3.1.0").id;
        long excludedAt = QuarkusTransaction.requiringNew().call(() -> TrainingExclusion.forTicket(ticket).get(0).addedVersion);
        assertThatThrownBy(() -> remediations.record(other, RemediationState.RETRAINED, retrained("3.2.0", excludedAt - 1), "officer-1"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("older than the one that excluded");
        assertThat(statusCode(() -> remediations.record(other, RemediationState.RETRAINED,
                new RemediationEvidence(null, excludedAt, null, null, null, null, null), "officer-1"))).isEqualTo(400);
        remediations.record(other, RemediationState.RETRAIN_SCHEDULED,
                new RemediationEvidence(null, null, null, LocalDate.now().plusDays(3), null, null, null), "officer-1");
        long current = QuarkusTransaction.requiringNew().call(() -> ExclusionSnapshot.current().version);
        remediations.record(other, RemediationState.RETRAINED, retrained("3.2.0", current), "officer-1");

        ModelRemediation done = model(ticket, "3.1.0");
        assertThat(done.state).isEqualTo(RemediationState.RESOLVED);
        assertThat(done.remedy).isEqualTo(RemediationState.RETRAINED);
        assertThat(done.newModelVersion).isEqualTo("3.2.0");
        assertThat(done.exclusionSnapshotDigest).isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ModelRemediationChange.history(other)))
                .extracting(c -> c.toState).containsExactly(RemediationState.AFFECTED, RemediationState.RETRAIN_SCHEDULED,
                        RemediationState.RETRAINED, RemediationState.RESOLVED);
        assertThat(status(ticket)).as("the last resolution lets the ticket move on").isEqualTo(TicketStatus.READY_FOR_RESPONSE);
        assertThat(TopicReader.readUntil(TicketEvents.TOPIC, Duration.ofSeconds(20), rs -> rs.stream().anyMatch(r ->
                r.key().equals(ticket.toString()) && r.value().contains("model-remediation-all-resolved"))))
                .anyMatch(r -> r.key().equals(ticket.toString()) && r.value().contains("model-remediation-all-resolved"));
    }

    @Test
    void unlearningAndAnonymityNeedEvidenceAndAnOfficersResolutionAndIllegalStepsAreRefused() {
        UUID ticket = RemediationFixtures.fannedOut("ERASURE", AiTestSupport.uniqueEmail("unlearn"), ERASURE);
        RemediationFixtures.registryReports(ticket, "ranker:1.0", "ranker:1.1");
        remediations.openFor(ticket);
        UUID a = model(ticket, "1.0").id;
        UUID b = model(ticket, "1.1").id;

        assertThat(statusCode(() -> remediations.record(a, RemediationState.RESOLVED, null, "officer-1"))).isEqualTo(409);
        assertThat(statusCode(() -> remediations.record(a, RemediationState.UNLEARNED,
                new RemediationEvidence("1.0-u", null, null, null, null, null, null), "officer-1"))).isEqualTo(400);
        remediations.record(a, RemediationState.UNLEARNED,
                new RemediationEvidence("1.0-u", null, null, null, "SISA shards retrained; membership-inference test passed", null, null), "officer-1");
        remediations.record(b, RemediationState.ANONYMITY_ASSESSED,
                new RemediationEvidence(null, null, null, null, null, "https://dpo.example/assessments/ranker-1.1", null), "officer-1");
        assertThat(of(ticket)).extracting(r -> r.state)
                .containsExactlyInAnyOrder(RemediationState.UNLEARNED, RemediationState.ANONYMITY_ASSESSED);

        remediations.record(a, RemediationState.RESOLVED, null, "officer-2");
        remediations.record(b, RemediationState.RESOLVED, null, "officer-2");
        assertThat(of(ticket)).allSatisfy(r -> assertThat(r.resolvedBy).isEqualTo("officer-2"));
        assertThat(model(ticket, "1.0").assessment).contains("membership-inference");
    }

    @Test
    void anOverruledObjectionOwesNoRemediation() {
        UUID ticket = RemediationFixtures.fannedOut("OBJECTION", AiTestSupport.uniqueEmail("overruled"), AI_OBJECTION);
        RemediationFixtures.registryReports(ticket, "recommender:4.0.0");
        RemediationFixtures.allTasksAnswered(ticket);
        jobs.sync();
        assertThat(status(ticket)).isEqualTo(TicketStatus.AWAITING_SYSTEMS);

        exclusions.recordObjectionDecision(ticket, true, "Fraud prevention outweighs; balancing test on file", "officer-1");

        assertThat(of(ticket)).singleElement().satisfies(r -> {
            assertThat(r.state).isEqualTo(RemediationState.RESOLVED);
            assertThat(r.remedy).isNull();
        });
        assertThat(status(ticket)).isEqualTo(TicketStatus.READY_FOR_RESPONSE);
    }

    @Test
    void theWatchWarnsOncePerThresholdAboutRemediationsThatCannotFinishInTime() {
        UUID ticket = RemediationFixtures.fannedOut("ERASURE", AiTestSupport.uniqueEmail("late"), ERASURE);
        RemediationFixtures.registryReports(ticket, "late-model:1", "late-model:2");
        remediations.openFor(ticket);
        ModelRemediation r1 = model(ticket, "1");
        remediations.record(model(ticket, "2").id, RemediationState.RETRAIN_SCHEDULED,
                new RemediationEvidence(null, null, null, r1.dueDate.plusDays(10), null, null, null), "officer-1");

        Ticket t = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticket));
        var oneDayBefore = r1.dueDate.minusDays(1).atStartOfDay(ZoneId.of(t.zone)).plusHours(12).toInstant();
        int given = jobs.watch(oneDayBefore);
        // model 1: 7 and 2 days; model 2: 7, 2 days and its retraining expected after the due date
        assertThat(given).isGreaterThanOrEqualTo(5);
        assertThat(jobs.watch(oneDayBefore)).as("each warning once").isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticket)).flagged).isTrue();
        assertThat(TopicReader.readUntil(TicketEvents.TOPIC, Duration.ofSeconds(20), rs -> rs.stream().filter(r ->
                r.key().equals(ticket.toString()) && r.value().contains(RemediationJobs.WARNING)).count() >= 5))
                .filteredOn(r -> r.key().equals(ticket.toString()) && r.value().contains("EXPECTED_AFTER_DUE")).hasSize(1);
    }
}
