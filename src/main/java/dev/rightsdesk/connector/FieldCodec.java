package dev.rightsdesk.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * Opens the encrypted personal fields of a command (docs/events.md, "Encrypted personal fields") and seals those of
 * a result, with the ticket's data key, exactly as an external connector does with the key from the key service.
 * The engines only ever see clear values; Kafka only ever carries sealed ones.
 */
interface FieldCodec {

    /** A copy of the command's {@code data} with every rd1 value opened; throws when one cannot be read. */
    JsonNode open(UUID ticketId, JsonNode data);

    /** The result's {@code data} with its personal fields ({@code answer}, {@code chunk.data}, {@code reason}) sealed. */
    ObjectNode seal(UUID ticketId, ObjectNode data);

    /** For tests of engines without Rightsdesk's key service: values pass as they are. */
    FieldCodec CLEAR = new FieldCodec() {
        @Override
        public JsonNode open(UUID ticketId, JsonNode data) {
            return data;
        }

        @Override
        public ObjectNode seal(UUID ticketId, ObjectNode data) {
            return data;
        }
    };
}
