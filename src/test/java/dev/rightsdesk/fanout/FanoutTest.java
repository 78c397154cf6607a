package dev.rightsdesk.fanout;

import static dev.rightsdesk.fanout.FanoutFixtures.command;
import static dev.rightsdesk.fanout.FanoutFixtures.submit;
import static dev.rightsdesk.fanout.FanoutFixtures.task;
import static dev.rightsdesk.fanout.FanoutFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Fan-out of each request type to the right systems, with the right identifiers only. */
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
        // Declared identifiers only: no name, no undeclared identifier.
        assertThat(data.path("subject").has("name")).isFalse();
        assertThat(data.path("subject").path("identifiers").has("loyaltyCard")).isFalse();

        JsonNode newsletter = command("newsletter", ticketId).path("data");
        assertThat(newsletter.path("subject").path("email").asText()).isEqualTo("ada.access@example.org");
        assertThat(newsletter.path("subject").has("identifiers")).isFalse();
        assertThat(newsletter.toString()).doesNotContain("C-1001").doesNotContain("Ada Lovelace");
    }

    @Test
    void rectificationGoesToTheCustomerDatabaseWithTheCorrections() {
        UUID ticketId = submit("RECTIFICATION", "ada.rect@example.org", IDS);
        assertThat(tasks(ticketId)).extracting(t -> t.systemKey).containsExactly("crm");
        JsonNode data = command("crm", ticketId).path("data");
        assertThat(command("crm", ticketId).path("type").asText()).isEqualTo("dev.rightsdesk.task.rectification.v1");
        assertThat(data.path("corrections").get(0).path("field").asText()).isEqualTo("address");
        assertThat(data.path("corrections").get(0).path("correctedValue").asText()).isEqualTo("New 2");
        assertThat(data.has("ground")).isFalse();
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
    }

    @Test
    void objectionCarriesBasisAndPurposes() {
        UUID ticketId = submit("OBJECTION", "ada.object@example.org", IDS);
        JsonNode command = command("model-registry", ticketId);
        assertThat(command.path("type").asText()).isEqualTo("dev.rightsdesk.task.objection.v1");
        assertThat(command.path("data").path("basis").asText()).isEqualTo("LEGITIMATE_INTEREST");
        assertThat(command.path("data").path("purposes").toString()).contains("ai-training", "direct-marketing");
    }
}
