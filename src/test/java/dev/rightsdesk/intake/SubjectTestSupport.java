package dev.rightsdesk.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.intake.mail.LocalMailbox;
import dev.rightsdesk.testing.Requests;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for subject-side tests: submit through the API, read codes from the local mailbox. */
public final class SubjectTestSupport {

    private static final Pattern CODE = Pattern.compile("(?m)^ {4}(\\d{6,12})\\s*$");
    private static final Pattern STATUS_LINK = Pattern.compile("https?://\\S+/status/([A-Za-z0-9_-]{43})");

    private SubjectTestSupport() {
    }

    /** A fresh address per test, so shared-database tests never see each other's mail. */
    public static String freshEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static LocalMailbox mailbox() {
        return Arc.container().instance(LocalMailbox.class).get();
    }

    /** Submits an access request through the API; returns the ticket id. */
    public static String submitAccess(String email) {
        return Requests.access().email(email).locale("en").submit().toString();
    }

    /**
     * Waits until {@code count} mails with a code reached {@code email} (notices without a code do not count, as
     * they arrive asynchronously in any order) and returns the newest code.
     */
    public static String awaitCode(String email, int count) {
        AtomicReference<String> code = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<String> codes = mailbox().to(email).stream().map(m -> CODE.matcher(m.text()))
                    .filter(Matcher::find).map(m -> m.group(1)).toList();
            if (codes.size() < count) {
                return false;
            }
            code.set(codes.get(0));
            return true;
        });
        return code.get();
    }

    /** The newest code mailed to {@code email}. */
    public static String latestCode(String email) {
        return awaitCode(email, 1);
    }

    /** Waits for a mail with a status link to {@code email}; returns the token. */
    public static String awaitStatusToken(String email) {
        AtomicReference<String> token = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox().to(email).stream()
                .map(m -> STATUS_LINK.matcher(m.text())).filter(Matcher::find).findFirst()
                .map(m -> {
                    token.set(m.group(1));
                    return true;
                }).orElse(false));
        return token.get();
    }

    /** Verifies a request through the API with the code from the mailbox; returns the status token. */
    public static String verifyByApi(String id, String email) {
        String code = latestCode(email);
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/api/v1/requests/" + id + "/verification").then().statusCode(200).extract().path("statusToken");
    }

    /** Moves a verified ticket to READY_FOR_RESPONSE the way the officer and the fan-out would. */
    public static void answer(String id) {
        TicketService tickets = Arc.container().instance(TicketService.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket t = Ticket.findById(UUID.fromString(id));
            if (t.status == TicketStatus.PENDING_REVIEW) {
                tickets.approve(t, "officer", "test");
            }
            if (t.status != TicketStatus.READY_FOR_RESPONSE) {
                tickets.move(t, TicketStatus.READY_FOR_RESPONSE, TicketService.SYSTEM, "all systems answered",
                        TicketEvents.READY_FOR_RESPONSE, null);
            }
        });
    }

    /**
     * Approves a verified ticket and lets every connected system answer on {@code dsr.task-results} as its connector
     * would (the crm with data, the newsletter with nothing, the training corpus with a dataset version, the model
     * registry with a model version); the fan-out's result consumer applies them and moves the ticket to
     * READY_FOR_RESPONSE.
     */
    public static void answerThroughSystems(String id) {
        UUID ticketId = UUID.fromString(id);
        TicketService tickets = Arc.container().instance(TicketService.class).get();
        QuarkusTransaction.requiringNew().run(() -> tickets.approve(Ticket.findById(ticketId), "officer", "test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Task> tasks = QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticketId));
            return !tasks.isEmpty() && tasks.stream().allMatch(t -> t.attempts > 0);
        });
        for (Task task : QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticketId))) {
            String data = switch (task.systemKey) {
                case "crm" -> "\"outcome\":\"COMPLETED\",\"answer\":{\"customerId\":\"C-42\",\"address\":\"Canal Street 1\","
                        + "\"orders\":[{\"id\":\"O-1\",\"total\":\"12.50\"}]}";
                case "training-corpus" -> "\"outcome\":\"COMPLETED\",\"datasets\":[{\"dataset\":\"support-chats\","
                        + "\"version\":\"2026-01\",\"recordsRemoved\":0,\"recordsExcluded\":0}]";
                case "model-registry" -> "\"outcome\":\"COMPLETED\",\"modelVersions\":[{\"name\":\"recommender\","
                        + "\"version\":\"3.1\",\"trainingDatasetVersions\":[\"support-chats@2026-01\"]}]";
                default -> "\"outcome\":\"NOT_FOUND\"";
            };
            String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/systems/"
                    + task.systemKey + "\",\"type\":\"dev.rightsdesk.task.result.v1\",\"subject\":\"" + task.id
                    + "\",\"datacontenttype\":\"application/json\",\"data\":{\"taskId\":\"" + task.id
                    + "\",\"ticketId\":\"" + ticketId + "\",\"attempt\":" + task.attempts + "," + data + "}}";
            TopicReader.send("dsr.task-results", ticketId.toString(), event);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Ticket.<Ticket>findById(ticketId).status) == TicketStatus.READY_FOR_RESPONSE);
    }

    /** A code that is surely not {@code code}. */
    public static String wrong(String code) {
        char first = code.charAt(0);
        return (first == '9' ? '0' : (char) (first + 1)) + code.substring(1);
    }
}
