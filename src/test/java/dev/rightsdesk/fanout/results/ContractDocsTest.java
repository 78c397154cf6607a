package dev.rightsdesk.fanout.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rightsdesk.fanout.FanoutEvents;
import dev.rightsdesk.fanout.TaskCommand;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.audit.AuditAnchors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/asyncapi.yaml and docs/events.md describe the fields the code actually writes and accepts. */
class ContractDocsTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void asyncApiNamesEveryTopicAndTheFieldsOfTheCode() throws Exception {
        JsonNode doc = YAML.readTree(Path.of("docs/asyncapi.yaml").toFile());
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).contains("dsr.tasks.{systemKey}", "dsr.task-results", "dsr.task-results.dlq",
                "dsr.ticket-events", "dsr.ticket-events.dlq", AuditAnchors.TOPIC);

        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(fields(schemas.path("TaskCommand").path("properties"))).isEqualTo(components(TaskCommand.class));
        assertThat(fields(schemas.path("TaskResult").path("properties"))).isEqualTo(components(TaskResultParser.Data.class));
        assertThat(fields(schemas.path("TicketEventData").path("properties")))
                .isEqualTo(components(TicketEvents.TicketEventData.class));
        assertThat(fields(schemas.path("AuditAnchor").path("properties"))).isEqualTo(components(AuditAnchors.Anchor.class));
        assertThat(schemas.path("TaskResult").path("properties").path("outcome").path("enum").toString())
                .contains(Arrays.stream(Outcome.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void eventsMdDocumentsEveryResultFieldAndFanoutEvent() throws Exception {
        String events = Files.readString(Path.of("docs/events.md"));
        components(TaskResultParser.Data.class).forEach(f -> assertThat(events).contains("| `" + f + "`"));
        components(TaskCommand.class).forEach(f -> assertThat(events).contains("`" + f));
        for (var field : FanoutEvents.class.getFields()) {
            assertThat(events).contains("`" + field.get(null) + "`");
        }
        assertThat(events).contains("dsr.task-results.dlq", "dead-letter-reason", "256 KiB");
        assertThat(events).contains(AuditAnchors.TOPIC, AuditAnchors.TYPE);
        components(AuditAnchors.Anchor.class).forEach(f -> assertThat(events).contains("| `" + f + "`"));
    }

    static Set<String> fields(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> components(Class<?> record) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(record.getRecordComponents()).forEach(c -> names.add(c.getName()));
        return names;
    }
}
