package dev.rightsdesk.officer;

import static dev.rightsdesk.officer.Staff.as;
import static dev.rightsdesk.officer.Staff.officer;
import static dev.rightsdesk.officer.Staff.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.rightsdesk.ticket.TicketReference;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Whose request is this?": the queue finds a ticket by the subject's e-mail (exact, blind index), part of their
 * name, its id or reference; sorts; and assigns to me. Personal data is searched in POST bodies only.
 */
@QuarkusTest
class QueueSearchTest {

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anOfficerFindsATicketByTheSubjectsEmailAndSeesWhoseItIs() {
        String tag = unique();
        String email = "Search.Me-" + tag + "@Example.org";
        UUID id = submit("ACCESS", "{}", email, "Søren Kierkegaard " + tag);
        submit("ACCESS", "{}", "someone-else-" + tag + "@example.org", "Other " + tag);

        officer().body("{\"email\": \"search.me-" + tag + "@example.org\"}").post("/api/v1/tickets/search")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id.toString()))
                .body("items[0].subjectEmail", equalTo(email))
                .body("items[0].subjectName", equalTo("Søren Kierkegaard " + tag));
        // Auditors and admins work without the subject's identity in lists.
        as("auditor").body("{\"email\": \"" + email + "\"}").post("/api/v1/tickets/search")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].subjectEmail", equalTo(null))
                .body("items[0].subjectName", equalTo(null));
        officer().body("{\"email\": \"not-an-address\"}").post("/api/v1/tickets/search")
                .then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("email")));
    }

    @Test
    void aNamePartFindsTheTicketWhateverTheCaseAndAccents() {
        String tag = unique();
        UUID id = submit("ERASURE", "{\"ground\": \"17(1)(a)\"}", "name-" + tag + "@example.org", "José Ñúñez-" + tag);
        officer().body("{\"name\": \"jose nunez-" + tag.toUpperCase() + "\"}").post("/api/v1/tickets/search")
                .then().statusCode(200).body("items.id", equalTo(List.of(id.toString())))
                .body("nameSearchCapped", equalTo(false));
        officer().body("{\"name\": \"nobody-" + tag + "\"}").post("/api/v1/tickets/search")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void aTicketIsFoundByItsReferenceOrIdAndNonsenseIsNamed() {
        UUID id = submit("ACCESS", "{}");
        String reference = TicketReference.of(id);
        assertThat(reference).matches("RD-[0-9A-F]{8}");
        officer().get("/api/v1/tickets?ticket=" + reference).then().statusCode(200).body("items.id", hasItem(id.toString()))
                .body("items.reference", everyItem(equalTo(reference)));
        officer().get("/api/v1/tickets?ticket=" + id).then().statusCode(200).body("items.id", equalTo(List.of(id.toString())));
        officer().get("/api/v1/tickets?ticket=zz-top").then().statusCode(400).body("errors.field", hasItem("ticket"));
    }

    @Test
    void theQueueSortsByReceivedStatusAndTypeBothWays() {
        String tag = unique();
        String assignee = "sorter-" + tag;
        UUID first = submit("OBJECTION", "{\"basis\": \"DIRECT_MARKETING\", \"purposes\": [\"direct-marketing\"]}");
        UUID second = submit("ACCESS", "{}");
        for (UUID id : List.of(first, second)) {
            officer().body("{\"assignee\": \"" + assignee + "\"}").post("/api/v1/tickets/" + id + "/assignment")
                    .then().statusCode(200);
        }
        String q = "/api/v1/tickets?assignee=" + assignee;
        assertThat(officer().get(q + "&sort=received&order=desc").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).containsExactly(second.toString(), first.toString());
        assertThat(officer().get(q + "&sort=received").then().extract().jsonPath().getList("items.id", String.class))
                .containsExactly(first.toString(), second.toString());
        assertThat(officer().get(q + "&sort=type").then().extract().jsonPath().getList("items.type", String.class))
                .containsExactly("ACCESS", "OBJECTION");
        assertThat(officer().get(q + "&sort=type&order=desc").then().extract().jsonPath().getList("items.type", String.class))
                .containsExactly("OBJECTION", "ACCESS");
        officer().get(q + "&sort=status").then().statusCode(200);
        officer().get(q + "&sort=mood").then().statusCode(400).body("errors.field", hasItem("sort"));
        officer().get(q + "&order=sideways").then().statusCode(400).body("errors.field", hasItem("order"));
    }

    @Test
    void assignToMeWorksForOneTicketAndForMany() {
        UUID one = submit("ACCESS", "{}");
        UUID two = submit("ACCESS", "{}");
        as("admin").body("{\"assignee\": \"me\"}").post("/api/v1/tickets/" + one + "/assignment")
                .then().statusCode(200).body("assignee", equalTo("admin"));
        officer().body("{\"ids\": [\"" + one + "\", \"" + two + "\"], \"assignee\": \"me\"}")
                .post("/api/v1/tickets/bulk/assignment").then().statusCode(200).body("done", equalTo(2));
        officer().get("/api/v1/tickets?assignee=me&ticket=" + two).then().statusCode(200)
                .body("items.assignee", equalTo(List.of("officer")));
    }
}
