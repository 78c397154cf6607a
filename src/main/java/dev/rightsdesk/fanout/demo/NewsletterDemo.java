package dev.rightsdesk.fanout.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/** Demo newsletter service ({@code newsletter}, kind SAAS): knows subscribers by e-mail only. */
@ApplicationScoped
public class NewsletterDemo implements DemoSystem {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String key() {
        return "newsletter";
    }

    @Override
    public void handle(JsonNode command, DemoReplies replies) {
        switch (command.path("action").asText()) {
            case "ACCESS" -> {
                ObjectNode answer = json.createObjectNode();
                answer.putObject("subscription")
                        .put("email", command.path("subject").path("email").asText(null))
                        .put("subscribedOn", "2023-01-09")
                        .putArray("lists").add("product-news").add("offers");
                replies.sendAnswer("COMPLETED", "1 subscription", answer);
            }
            case "ERASURE" -> replies.send(replies.result("COMPLETED").put("summary", "subscriber and click history deleted"));
            case "OBJECTION" -> replies.send(replies.result("COMPLETED").put("summary", "unsubscribed from every list"));
            default -> replies.send(replies.result("NOT_FOUND").put("summary", "nothing to do for this action"));
        }
    }
}
