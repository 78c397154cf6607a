package dev.rightsdesk.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one way the suite submits a data-subject request to {@code POST /api/v1/requests}: a builder with sensible
 * defaults (an ACCESS request from a fresh address, no details), so a test names only what it is about.
 *
 * <pre>{@code UUID id = Requests.of("ERASURE").email("ada@example.org").details("{\"ground\": \"17(1)(a)\"}").submit();}</pre>
 */
public final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private String email = "subject-" + UUID.randomUUID() + "@example.org";
    private String name;
    private String locale;
    private String details = "{}";
    private final Map<String, String> identifiers = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Requests(String type) {
        this.type = type;
    }

    /** A request of {@code type} (ACCESS, ERASURE, RECTIFICATION, OBJECTION, ...). */
    public static Requests of(String type) {
        return new Requests(type);
    }

    /** An access request (Art. 15), the simplest kind. */
    public static Requests access() {
        return of("ACCESS");
    }

    public Requests email(String email) {
        this.email = email;
        return this;
    }

    public Requests name(String name) {
        this.name = name;
        return this;
    }

    public Requests locale(String locale) {
        this.locale = locale;
        return this;
    }

    /** The request's {@code details}, as JSON text. */
    public Requests details(String json) {
        this.details = json;
        return this;
    }

    public Requests identifier(String type, String value) {
        identifiers.put(type, value);
        return this;
    }

    /** The identifiers as a JSON object text ({@code {"customerId": "C-1"}}), as some fixtures keep them. */
    public Requests identifiers(String json) {
        try {
            JSON.readTree(json).fields().forEachRemaining(e -> identifiers.put(e.getKey(), e.getValue().asText()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    public Requests header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The JSON body as the API receives it. */
    public String body() {
        ObjectNode body = JSON.createObjectNode().put("type", type);
        ObjectNode subject = body.putObject("subject").put("email", email);
        if (name != null) {
            subject.put("name", name);
        }
        if (!identifiers.isEmpty()) {
            ObjectNode ids = subject.putObject("identifiers");
            identifiers.forEach(ids::put);
        }
        try {
            body.set("details", JSON.readTree(details));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("details are no JSON: " + details, e);
        }
        if (locale != null) {
            body.put("locale", locale);
        }
        return body.toString();
    }

    /** Posts the request and returns the response, whatever its status. */
    public Response post() {
        return given().contentType(ContentType.JSON).headers(headers).body(body()).when().post("/api/v1/requests");
    }

    /** Posts the request, expects {@code 202 Accepted} and returns the ticket id. */
    public UUID submit() {
        return UUID.fromString(post().then().statusCode(202).extract().path("id"));
    }
}
