package dev.rightsdesk.fanout.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Demo customer database ({@code crm}, kind DATABASE): looks the subject up by e-mail and customer id and
 * answers access with a made-up customer record built from exactly the identifiers it was given.
 */
@ApplicationScoped
public class CrmDemo implements DemoSystem {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String key() {
        return "crm";
    }

    @Override
    public void handle(JsonNode command, DemoReplies replies) {
        JsonNode subject = command.path("subject");
        switch (command.path("action").asText()) {
            case "ACCESS" -> replies.sendAnswer("COMPLETED", "1 customer record, 2 orders", customer(subject));
            case "RECTIFICATION" -> replies.send(replies.result("COMPLETED")
                    .put("summary", command.path("corrections").size() + " field(s) corrected; recipients told (Art. 19)"));
            case "ERASURE" -> replies.send(replies.result("COMPLETED").put("summary", "customer record and orders deleted"));
            case "OBJECTION" -> replies.send(replies.result("COMPLETED")
                    .put("summary", "processing for the named purposes stopped"));
            default -> replies.send(replies.result("FAILED").put("retryable", false).put("reason", "unknown action"));
        }
    }

    private JsonNode customer(JsonNode subject) {
        ObjectNode customer = json.createObjectNode();
        customer.put("email", subject.path("email").asText(null));
        customer.put("customerId", subject.path("identifiers").path("customerId").asText("unknown"));
        customer.put("name", "Demo Customer");
        customer.put("address", "Keizersgracht 1, 1015 AA Amsterdam");
        customer.put("customerSince", "2021-03-14");
        var orders = customer.putArray("orders");
        orders.addObject().put("order", "A-1001").put("date", "2024-05-02").put("total", "49.90 EUR");
        orders.addObject().put("order", "A-1187").put("date", "2024-11-20").put("total", "12.50 EUR");
        ObjectNode answer = json.createObjectNode();
        answer.set("customer", customer);
        return answer;
    }
}
