package dev.rightsdesk.ai;

import static io.restassured.RestAssured.given;

import dev.rightsdesk.testing.Requests;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shared steps of the AI-rights tests: submit and verify a request, compute hashes as a pipeline would. */
public final class AiTestSupport {

    /** {@code %test.rightsdesk.training-exclusions.hmac-key}. */
    public static final String TEST_KEY = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=";

    private AiTestSupport() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
    }

    /** Submits a request through the public API and returns its id. */
    public static UUID submit(String type, String email, String customerId, String details) {
        return Requests.of(type).email(email).name("Test Person").identifier("customerId", customerId).details(details)
                .submit();
    }

    /** Confirms the subject's identity as the verification step would. */
    public static void verify(UUID ticketId) {
        QuarkusTransaction.requiringNew().run(() -> {
            TicketService tickets = Arc.container().instance(TicketService.class).get();
            Ticket t = tickets.get(ticketId);
            tickets.verify(t, TicketService.SUBJECT, "code confirmed");
        });
    }

    /** HMAC-SHA256 over "type:value" under the test key, computed independently of the production code. */
    public static String hmac(String type, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(TEST_KEY), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((type + ":" + normalisedValue).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documented digest: SHA-256 over the sorted hashes, each followed by a line feed. */
    public static String digest(Collection<String> hashes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            hashes.stream().distinct().sorted().forEach(h -> sha.update((h + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
