package dev.rightsdesk.fanout.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.platform.crypto.PersonalDataEncryption;
import dev.rightsdesk.platform.crypto.PersonalFields;
import dev.rightsdesk.platform.crypto.TicketKeyDestroyedException;
import dev.rightsdesk.platform.crypto.TicketKeys;
import dev.rightsdesk.platform.crypto.UnreadableFieldException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Decrypts the personal fields of a result's {@code data} ({@code answer}, {@code chunk.data}, {@code reason}) before
 * it is checked, and enforces {@code rightsdesk.kafka.personal-data-encryption=required}. A field that cannot be read
 * makes the result malformed (dead-letter topic, ticket flagged); a field under a destroyed key is dropped instead:
 * its ticket is closed, so the result is set aside as an orphan like any late answer.
 */
@ApplicationScoped
public class ResultFieldOpener implements UnaryOperator<JsonNode> {

    private final TicketKeys keys;
    private final PersonalDataEncryption encryption;
    private final Counter inClear;

    public ResultFieldOpener(TicketKeys keys, PersonalDataEncryption encryption, MeterRegistry meters) {
        this.keys = keys;
        this.encryption = encryption;
        // Tells operators when no system answers in the clear any more, so "required" can be switched on.
        this.inClear = Counter.builder("rightsdesk.task.results.in.clear")
                .description("Results whose answer, chunk data or reason arrived unencrypted").register(meters);
    }

    @Override
    public JsonNode apply(JsonNode data) {
        List<String> clear = PersonalFields.clear(data, PersonalFields.RESULT);
        if (!clear.isEmpty()) {
            inClear.increment();
            if (encryption.personalDataEncryption() == PersonalDataEncryption.Mode.REQUIRED) {
                throw new MalformedResultException("data." + clear.get(0) + " must be encrypted with the ticket's data key"
                        + " (rd1, rightsdesk.kafka.personal-data-encryption=required)", null);
            }
        }
        if (!PersonalFields.anySealed(data)) {
            return data; // nothing encrypted: no key look-up, no transaction
        }
        try {
            return keys.decryptFields(ticketId(data), data);
        } catch (TicketKeyDestroyedException e) {
            ObjectNode stripped = data.deepCopy();
            stripped.remove(List.of("answer", "chunk", "reason"));
            return stripped;
        } catch (UnreadableFieldException e) {
            throw new MalformedResultException("data." + e.getMessage(), null);
        }
    }

    /** The ticket the result names, when it names one readably; the parser reports a bad one itself. */
    private static UUID ticketId(JsonNode data) {
        JsonNode id = data.path("ticketId");
        if (!id.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
