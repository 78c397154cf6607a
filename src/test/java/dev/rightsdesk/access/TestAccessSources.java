package dev.rightsdesk.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.ticket.Ticket;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Until the fan-out is wired in (issue 3), tests stand in for the connected-systems registry and the task answers:
 * for the tickets a test registers, one CRM system answers with data and one training dataset reports the subject.
 */
public final class TestAccessSources {

    /** Tickets that get the test answers; other tickets get none. */
    public static final Set<UUID> ANSWERED = ConcurrentHashMap.newKeySet();

    private TestAccessSources() {
    }

    @Mock
    @ApplicationScoped
    public static class Systems implements AccessPackageSource {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public List<SystemAnswer> answers(Ticket ticket) {
            if (!ANSWERED.contains(ticket.id)) {
                return List.of();
            }
            try {
                return List.of(
                        new SystemAnswer(new SystemFacts("crm", "Customer database", "DATABASE",
                                List.of("customer service", "billing"), List.of("contact details", "orders"),
                                List.of("payment provider"), "7 years after the last order (tax law)",
                                "you, when you created your account",
                                "none", "none; all data stays in the EU"),
                                "COMPLETED", Instant.parse("2026-01-02T10:00:00Z"),
                                JSON.readTree("{\"customerId\":\"C-42\",\"address\":\"Canal Street 1\","
                                        + "\"orders\":[{\"id\":\"O-1\",\"total\":\"12.50\"}]}")),
                        new SystemAnswer(new SystemFacts("newsletter", "Newsletter service", "SAAS",
                                List.of("direct marketing"), List.of("e-mail address"), List.of("mail service (US)"),
                                "until you unsubscribe", "newsletter sign-up form",
                                "send-time optimisation picks the hour a mail is sent; no legal or similar effect",
                                "United States: EU-US Data Privacy Framework"),
                                "NOT_FOUND", Instant.parse("2026-01-02T11:00:00Z"), null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Mock
    @ApplicationScoped
    public static class Ai implements AiAccessSource {

        @Override
        public AiSection section(Ticket ticket) {
            if (!ANSWERED.contains(ticket.id)) {
                return AiSection.empty();
            }
            return new AiSection(
                    List.of(new TrainingDataset("training-corpus", "support-chats", "2026-01", 17L, "records removed")),
                    List.of(new ModelVersion("model-registry", "recommender", "3.1", List.of("support-chats@2026-01"),
                            "RETRAIN_SCHEDULED", LocalDate.parse("2026-02-01"), null)),
                    List.of(new TrainingRun("rightsdesk-demo/train-recommender", "run-7",
                            Instant.parse("2026-01-03T00:00:00Z"), true, "snapshot 12")));
        }
    }
}
