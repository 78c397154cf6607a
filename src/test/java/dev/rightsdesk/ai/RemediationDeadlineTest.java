package dev.rightsdesk.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rightsdesk.ai.remediation.ModelRemediation;
import dev.rightsdesk.ai.remediation.RemediationDeadlines;
import dev.rightsdesk.ai.remediation.RemediationEvidence;
import dev.rightsdesk.ai.remediation.RemediationService;
import dev.rightsdesk.ai.remediation.RemediationState;
import dev.rightsdesk.officer.action.ActionRequests.Extension;
import dev.rightsdesk.officer.action.OfficerActions;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Art. 12(3): a ticket's extension moves the due dates of its open model remediations, in the same commit. */
@QuarkusTest
class RemediationDeadlineTest {

    @Inject
    RemediationService remediations;
    @Inject
    OfficerActions actions;
    @Inject
    AiConfig config;

    static List<ModelRemediation> of(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> ModelRemediation.forTicket(ticketId));
    }

    static ModelRemediation model(UUID ticketId, String version) {
        return of(ticketId).stream().filter(r -> r.modelVersion.equals(version)).findFirst().orElseThrow();
    }

    static Ticket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(id));
    }

    @Test
    void anExtensionMovesTheOpenRemediationsWithTheTicketAndLeavesResolvedOnesAlone() {
        UUID id = RemediationFixtures.fannedOut("ERASURE", AiTestSupport.uniqueEmail("extend"), ModelRemediationTest.ERASURE);
        RemediationFixtures.registryReports(id, "forecaster:1", "forecaster:2", "forecaster:3");
        remediations.openFor(id);
        remediations.record(model(id, "3").id, RemediationState.RETIRED, RemediationEvidence.note("archived"), "officer-1");
        remediations.record(model(id, "2").id, RemediationState.RETRAIN_SCHEDULED,
                new RemediationEvidence(null, null, null, LocalDate.now().plusDays(40), null, null, null), "officer-1");
        LocalDate before = model(id, "1").dueDate;
        LocalDate resolvedDue = model(id, "3").dueDate;
        assertThat(before).isEqualTo(ticket(id).effectiveDue.minusDays(config.remediation().dueMarginDays()));

        QuarkusTransaction.requiringNew().run(() -> actions.extend(id, "officer-1", new Extension("twelve systems to search")));

        Ticket extended = ticket(id);
        assertThat(extended.effectiveDue).isEqualTo(extended.extendedDue).isAfter(before);
        LocalDate after = extended.effectiveDue.minusDays(config.remediation().dueMarginDays());
        assertThat(model(id, "1").dueDate).as("affected: follows the ticket").isEqualTo(after);
        assertThat(model(id, "2").dueDate).as("a scheduled retraining too").isEqualTo(after);
        assertThat(model(id, "2").expectedBy).as("the plan's date is evidence, untouched").isEqualTo(LocalDate.now().plusDays(40));
        assertThat(model(id, "3").dueDate).as("resolved: history, untouched").isEqualTo(resolvedDue);

        var records = TopicReader.readUntil(TicketEvents.TOPIC, Duration.ofSeconds(20), rs -> rs.stream().filter(r ->
                r.key().equals(id.toString()) && r.value().contains(RemediationDeadlines.RESCHEDULED)).count() >= 2);
        assertThat(records).filteredOn(r -> r.key().equals(id.toString()) && r.value().contains(RemediationDeadlines.RESCHEDULED))
                .hasSize(2).allSatisfy(r -> assertThat(r.value()).contains("\"dueDate\":\"" + after + "\"")
                        .contains("\"previousDueDate\":\"" + before + "\"").doesNotContain("@example"));
    }

    @Test
    void theDueDatesMoveInTheExtensionsTransactionAndRollBackWithIt() {
        UUID id = RemediationFixtures.fannedOut("ERASURE", AiTestSupport.uniqueEmail("rollback"), ModelRemediationTest.ERASURE);
        RemediationFixtures.registryReports(id, "scorer:1");
        remediations.openFor(id);
        LocalDate before = model(id, "1").dueDate;

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            actions.extend(id, "officer-1", new Extension("many archives"));
            assertThat(ModelRemediation.forTicket(id)).singleElement()
                    .satisfies(r -> assertThat(r.dueDate).as("moved inside the extension").isAfter(before));
            throw new IllegalStateException("the extension's transaction fails after the event");
        })).hasMessageContaining("fails after the event");

        assertThat(ticket(id).extended).isFalse();
        assertThat(model(id, "1").dueDate).as("rolled back with the extension").isEqualTo(before);
    }
}
