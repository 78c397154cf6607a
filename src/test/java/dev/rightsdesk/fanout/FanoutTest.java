package dev.rightsdesk.fanout;

import static dev.rightsdesk.fanout.FanoutFixtures.answer;
import static dev.rightsdesk.fanout.FanoutFixtures.awaitStatus;
import static dev.rightsdesk.fanout.FanoutFixtures.command;
import static dev.rightsdesk.fanout.FanoutFixtures.submit;
import static dev.rightsdesk.fanout.FanoutFixtures.task;
import static dev.rightsdesk.fanout.FanoutFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.ai.remediation.ModelRemediation;
import dev.rightsdesk.ai.remediation.RemediationEvidence;
import dev.rightsdesk.ai.remediation.RemediationService;
import dev.rightsdesk.ai.remediation.RemediationState;
import dev.rightsdesk.ticket.TicketStatus;
import java.util.List;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each request type: fanned out to the right systems with the right identifiers only, answered, and completed. */
@QuarkusTest
@TestProfile(FanoutTestProfile.class)
class FanoutTest {

    static final String IDS = "{\"customerId\": \"C-1001\", \"loyaltyCard\": \"L-77\"}";

    @Test
    void accessGoesToEverySystemWithOnlyTheDeclaredIdentifiers() {
        UUID ticketId = submit("ACCESS", "ada.access@example.org", IDS);

        assertThat(FanoutFixtures.status(ticketId)).isEqualTo(TicketStatus.AWAITING_SYSTEMS);
        assertThat(tasks(ticketId)).extracting(t -> t.systemKey)
                .containsExactlyInAnyOrder("crm", "newsletter", "training-corpus", "model-registry");
        assertThat(tasks(ticketId)).allSatisfy(t -> {
            assertThat(t.state).isEqualTo(TaskState.SENT);
            assertThat(t.attempts).isEqualTo(1);
            assertThat(t.replyDue).isAfter(t.sentAt);
        });

        JsonNode crm = command("crm", ticketId);
        assertThat(crm.path("type").asText()).isEqualTo("dev.rightsdesk.task.access.v1");
        assertThat(crm.path("subject").asText()).isEqualTo(task(ticketId, "crm").id.toString());
        JsonNode data = crm.path("data");
        assertThat(data.path("taskId").asText()).isEqualTo(task(ticketId, "crm").id.toString());
        assertThat(data.path("ticketId").asText()).isEqualTo(ticketId.toString());
        assertThat(data.path("action").asText()).isEqualTo("ACCESS");
        assertThat(data.path("attempt").asInt()).isEqualTo(1);
        assertThat(data.path("replyDue").asText()).isNotBlank();
        assertThat(data.path("statutoryDue").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(data.path("replyTopic").asText()).isEqualTo("dsr.task-results");
        assertThat(data.path("subject").path("email").asText()).isEqualTo("ada.access@example.org");
        assertThat(data.path("subject").path("identifiers").path("customerId").asText()).isEqualTo("C-1001");
        // On the topic the personal fields are encrypted with the ticket's data key (rd1, crypto-shredding).
        JsonNode raw = FanoutFixtures.rawCommands("crm", ticketId, 1).get(0).path("data");
        assertThat(raw.toString()).doesNotContain("ada.access@example.org").doesNotContain("C-1001");
        assertThat(raw.path("subject").path("email").asText()).startsWith("rd1:");
        assertThat(raw.path("subject").path("identifiers").path("customerId").asText()).startsWith("rd1:");
        assertThat(raw.path("action").asText()).isEqualTo("ACCESS");
        // Declared identifiers only: no name, no undeclared identifier.
        assertThat(data.path("subject").has("name")).isFalse();
        assertThat(data.path("subject").path("identifiers").has("loyaltyCard")).isFalse();

        JsonNode newsletter = command("newsletter", ticketId).path("data");
        assertThat(newsletter.path("subject").path("email").asText()).isEqualTo("ada.access@example.org");
        assertThat(newsletter.path("subject").has("identifiers")).isFalse();
        assertThat(newsletter.toString()).doesNotContain("C-1001").doesNotContain("Ada Lovelace");

        tasks(ticketId).forEach(FanoutFixtures::answer);
        awaitStatus(ticketId, TicketStatus.READY_FOR_RESPONSE);
        assertThat(task(ticketId, "crm").state).isEqualTo(TaskState.COMPLETED);
        assertThat(task(ticketId, "crm").answerData).contains("\"orders\":2");
        assertThat(task(ticketId, "newsletter").state).isEqualTo(TaskState.NOT_FOUND);
        assertReadyEventNamesEverySystemWithoutPersonalData(ticketId, "ada.access@example.org");
    }

    static void assertReadyEventNamesEverySystemWithoutPersonalData(UUID ticketId, String email) {
        String ready = RetryTest.events(ticketId).stream()
                .filter(e -> e.type.equals("dev.rightsdesk.ticket.ready-for-response.v1")).map(e -> e.payload)
                .findFirst().orElseThrow();
        JsonNode systems = FanoutFixtures.parse(ready).path("data").path("detail").path("systems");
        assertThat(systems).hasSize(tasks(ticketId).size());
        systems.forEach(s -> assertThat(s.path("state").asText()).isIn("COMPLETED", "NOT_FOUND", "PARTIAL"));
        assertThat(ready).doesNotContain(email).doesNotContain("C-1001").doesNotContain("Ada").doesNotContain("from-the-crm");
    }

    @Test
    void rectificationGoesToTheCustomerDatabaseWithTheCorrections() {
        UUID ticketId = submit("RECTIFICATION", "ada.rect@example.org", IDS);
        assertThat(tasks(ticketId)).extracting(t -> t.systemKey).containsExactly("crm");
        JsonNode data = command("crm", ticketId).path("data");
        assertThat(command("crm", ticketId).path("type").asText()).isEqualTo("dev.rightsdesk.task.rectification.v1");
        assertThat(data.path("corrections").get(0).path("field").asText()).isEqualTo("address");
        assertThat(data.path("corrections").get(0).path("correctedValue").asText()).isEqualTo("New 2");
        JsonNode raw = FanoutFixtures.rawCommands("crm", ticketId, 1).get(0).path("data").path("corrections").get(0);
        assertThat(raw.path("field").asText()).isEqualTo("address");
        assertThat(raw.path("correctedValue").asText()).startsWith("rd1:");
        assertThat(raw.toString()).doesNotContain("New 2");
        assertThat(data.has("ground")).isFalse();

        answer(task(ticketId, "crm"));
        awaitStatus(ticketId, TicketStatus.READY_FOR_RESPONSE);
        assertReadyEventNamesEverySystemWithoutPersonalData(ticketId, "ada.rect@example.org");
    }

    @Test
    void erasureCarriesItsGround() {
        UUID ticketId = submit("ERASURE", "ada.erase@example.org", IDS);
        assertThat(tasks(ticketId)).extracting(t -> t.systemKey)
                .containsExactlyInAnyOrder("crm", "newsletter", "training-corpus", "model-registry");
        JsonNode command = command("training-corpus", ticketId);
        assertThat(command.path("type").asText()).isEqualTo("dev.rightsdesk.task.erasure.v1");
        assertThat(command.path("data").path("ground").asText()).isEqualTo("17(1)(a)");
        assertThat(command.path("data").has("corrections")).isFalse();

        tasks(ticketId).forEach(FanoutFixtures::answer);
        // Structured AI answers, kept on their tasks.
        org.awaitility.Awaitility.await().atMost(FanoutFixtures.WAIT)
                .until(() -> tasks(ticketId).stream().allMatch(Task::isFinal));
        var datasets = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> TaskDatasetVersion.forTicket(ticketId));
        assertThat(datasets).extracting(d -> d.dataset + "@" + d.datasetVersion + ":" + d.recordsRemoved + "/" + d.recordsExcluded)
                .containsExactly("orders-corpus@2024-06:3/0", "orders-corpus@2024-09:2/1");
        assertThat(datasets).allSatisfy(d -> assertThat(d.taskId).isEqualTo(task(ticketId, "training-corpus").id));
        var models = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> TaskModelVersion.forTicket(ticketId));
        assertThat(models).extracting(m -> m.modelName + ":" + m.modelVersion).containsExactly("recommender:3.1.0", "recommender:3.2.0");
        assertThat(models.get(1).trainingDatasetVersions).containsExactly("orders-corpus@2024-06", "orders-corpus@2024-09");
        assertThat(models).allSatisfy(m -> assertThat(m.systemKey).isEqualTo("model-registry"));
        // The model versions trained on the subject's data hold the ticket (a completion gate) until remediated.
        assertThat(FanoutFixtures.status(ticketId)).isEqualTo(TicketStatus.AWAITING_SYSTEMS);
        retireEveryModelVersion(ticketId);
        awaitStatus(ticketId, TicketStatus.READY_FOR_RESPONSE);
        assertReadyEventNamesEverySystemWithoutPersonalData(ticketId, "ada.erase@example.org");
    }

    @Test
    void objectionCarriesBasisAndPurposes() {
        UUID ticketId = submit("OBJECTION", "ada.object@example.org", IDS);
        JsonNode command = command("model-registry", ticketId);
        assertThat(command.path("type").asText()).isEqualTo("dev.rightsdesk.task.objection.v1");
        assertThat(command.path("data").path("basis").asText()).isEqualTo("LEGITIMATE_INTEREST");
        assertThat(command.path("data").path("purposes").toString()).contains("ai-training", "direct-marketing");
        assertThat(command.path("data").has("grounds")).isFalse();

        tasks(ticketId).forEach(FanoutFixtures::answer);
        org.awaitility.Awaitility.await().atMost(FanoutFixtures.WAIT)
                .until(() -> tasks(ticketId).stream().allMatch(Task::isFinal));
        retireEveryModelVersion(ticketId);
        // R-object: an Art. 21(1) objection also waits for the officer's balancing decision.
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> dev.rightsdesk.ticket.Ticket.<dev.rightsdesk.ticket.Ticket>findById(ticketId).status))
                .isEqualTo(TicketStatus.AWAITING_SYSTEMS);
        io.quarkus.arc.Arc.container().instance(dev.rightsdesk.officer.action.CaseWorkActions.class).get()
                .decideObjection(ticketId, "officer-1", new dev.rightsdesk.officer.action.ActionRequests
                        .ObjectionDecisionRequest(false, "no compelling grounds"));
        awaitStatus(ticketId, TicketStatus.READY_FOR_RESPONSE);
        assertReadyEventNamesEverySystemWithoutPersonalData(ticketId, "ada.object@example.org");
    }

    /** The AI-rights side of completion: each reported model version remediated (here: retired by an officer). */
    static void retireEveryModelVersion(UUID ticketId) {
        var remediations = io.quarkus.arc.Arc.container().instance(RemediationService.class).get();
        remediations.openFor(ticketId);
        List<ModelRemediation> open = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ModelRemediation.<ModelRemediation>list("ticketId", ticketId));
        assertThat(open).hasSize(2);
        open.forEach(r -> remediations.record(r.id, RemediationState.RETIRED,
                RemediationEvidence.note("withdrawn from serving"), "officer-1"));
    }
}
