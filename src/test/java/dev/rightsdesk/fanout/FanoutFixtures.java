package dev.rightsdesk.fanout;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.testing.Requests;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Requests through the API, commands read from system topics, results written as a connector would. */
final class FanoutFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);

    private FanoutFixtures() {
    }

    static String details(String type) {
        return switch (type) {
            case "RECTIFICATION" -> "{\"corrections\": [{\"field\": \"address\", \"currentValue\": \"Old 1\", \"correctedValue\": \"New 2\"}]}";
            case "ERASURE" -> "{\"ground\": \"17(1)(a)\"}";
            case "OBJECTION" -> "{\"basis\": \"LEGITIMATE_INTEREST\", \"purposes\": [\"ai-training\", \"direct-marketing\"]}";
            default -> "{}";
        };
    }

    /** Submits a request through the public API; with the fan-out test profile it is approved at once. */
    static UUID submit(String type, String email, String identifiers) {
        return Requests.of(type).email(email).name("Ada Lovelace").identifiers(identifiers).details(details(type))
                .locale("en").submit();
    }

    static Ticket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(id));
    }

    static TicketStatus status(UUID id) {
        return ticket(id).status;
    }

    static List<Task> tasks(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticketId));
    }

    /** The live task of a system on a ticket (a canceled one only if there is no other). */
    static Task task(UUID ticketId, String systemKey) {
        List<Task> ofSystem = tasks(ticketId).stream().filter(t -> t.systemKey.equals(systemKey)).toList();
        return ofSystem.stream().filter(t -> t.state != TaskState.CANCELED).findFirst()
                .orElseGet(() -> ofSystem.stream().findFirst().orElseThrow());
    }

    /**
     * The commands for {@code ticketId} on a system's topic, waiting until {@code count} have arrived, with their
     * personal fields decrypted as a connector with the key service's permission reads them.
     */
    static List<JsonNode> commands(String systemKey, UUID ticketId, int count) {
        return rawCommands(systemKey, ticketId, count).stream().map(c -> {
            ObjectNode open = c.deepCopy();
            open.set("data", io.quarkus.arc.Arc.container().instance(dev.rightsdesk.platform.crypto.TicketKeys.class).get()
                    .decryptFields(ticketId, c.path("data")));
            return (JsonNode) open;
        }).toList();
    }

    /** The commands as they are on the topic: personal fields encrypted (rd1). */
    static List<JsonNode> rawCommands(String systemKey, UUID ticketId, int count) {
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil("dsr.tasks." + systemKey, WAIT,
                rs -> rs.stream().filter(r -> ticketId.toString().equals(r.key())).count() >= count);
        return records.stream().filter(r -> ticketId.toString().equals(r.key())).map(r -> parse(r.value())).toList();
    }

    static JsonNode command(String systemKey, UUID ticketId) {
        List<JsonNode> commands = commands(systemKey, ticketId, 1);
        if (commands.isEmpty()) {
            throw new AssertionError("no command for ticket on dsr.tasks." + systemKey);
        }
        return commands.get(0);
    }

    /** A result CloudEvent as a connector sends it; {@code data} is filled by the caller. */
    static String result(Task task, String outcome, Consumer<ObjectNode> data) {
        return result(UUID.randomUUID().toString(), task, outcome, data);
    }

    static String result(String eventId, Task task, String outcome, Consumer<ObjectNode> data) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", eventId)
                .put("source", "/systems/" + task.systemKey)
                .put("type", "dev.rightsdesk.task.result.v1")
                .put("subject", task.id.toString())
                .put("datacontenttype", "application/json");
        ObjectNode d = event.putObject("data")
                .put("taskId", task.id.toString())
                .put("ticketId", task.ticketId.toString())
                .put("attempt", task.attempts)
                .put("outcome", outcome);
        data.accept(d);
        return event.toString();
    }

    static void send(Task task, String value) {
        TopicReader.send("dsr.task-results", task.ticketId.toString(), value);
    }

    /** Waits until the ticket reaches {@code status}. */
    static void awaitStatus(UUID ticketId, TicketStatus expected) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> status(ticketId) == expected);
    }

    /** Waits until the task of {@code systemKey} is in {@code state}. */
    static Task awaitTask(UUID ticketId, String systemKey, TaskState state) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> task(ticketId, systemKey).state == state);
        return task(ticketId, systemKey);
    }

    /** Answers a task the way each demo-like system would: structured for AI kinds, an answer for access. */
    static void answer(Task task) {
        String value = switch (task.systemKey) {
            case "training-corpus" -> result(task, "COMPLETED", d -> {
                var ds = d.putArray("datasets");
                ds.addObject().put("dataset", "orders-corpus").put("version", "2024-06").put("recordsRemoved", 3).put("recordsExcluded", 0);
                ds.addObject().put("dataset", "orders-corpus").put("version", "2024-09").put("recordsRemoved", 2).put("recordsExcluded", 1);
            });
            case "model-registry" -> result(task, "COMPLETED", d -> {
                var ms = d.putArray("modelVersions");
                ms.addObject().put("name", "recommender").put("version", "3.1.0")
                        .putArray("trainingDatasetVersions").add("orders-corpus@2024-06");
                ms.addObject().put("name", "recommender").put("version", "3.2.0")
                        .putArray("trainingDatasetVersions").add("orders-corpus@2024-06").add("orders-corpus@2024-09");
            });
            case "newsletter" -> result(task, "NOT_FOUND", d -> d.put("summary", "no subscriber"));
            default -> result(task, "COMPLETED", d -> {
                d.put("summary", "1 customer record");
                if (task.action == dev.rightsdesk.ticket.RequestType.ACCESS) {
                    d.putObject("answer").putObject("customer").put("email", "from-the-crm").put("orders", 2);
                }
            });
        };
        send(task, value);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
