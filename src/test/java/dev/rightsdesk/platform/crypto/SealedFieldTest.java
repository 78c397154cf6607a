package dev.rightsdesk.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rd1 field format: what a connector can rely on, and every way a changed or moved value is refused. */
class SealedFieldTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID TICKET = UUID.fromString("9a3e6f1d-1b2c-4d5e-8f70-112233445566");
    static final DataKey KEY = new DataKey(TICKET, "5f1c0e7a9b2d4c6e8a0b1c2d", bytes(32));

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static JsonNode command() throws Exception {
        return JSON.readTree("""
                {"taskId": "6f1c2a47-3d0e-4c1b-a0f4-5b7a1f0d9e21", "ticketId": "%s", "action": "RECTIFICATION",
                 "subject": {"email": "ada@example.org", "name": "Ada", "identifiers": {"customerId": "C-1001"}},
                 "corrections": [{"field": "address", "currentValue": "Old Road 1", "correctedValue": "New Road 2"},
                                 {"field": "phone", "correctedValue": "+31 20 123"}]}""".formatted(TICKET));
    }

    @Test
    void personalFieldsOfACommandAreSealedAndOpenAgain() throws Exception {
        JsonNode sealed = PersonalFields.seal(command(), PersonalFields.COMMAND, KEY);

        String text = sealed.toString();
        assertThat(text).doesNotContain("ada@example.org", "Ada\"", "C-1001", "Old Road 1", "New Road 2", "+31 20 123");
        // What a connector needs to route the work stays readable: ids, action, identifier types and field names.
        assertThat(sealed.path("action").asText()).isEqualTo("RECTIFICATION");
        assertThat(sealed.path("subject").path("identifiers").has("customerId")).isTrue();
        assertThat(sealed.path("corrections").get(0).path("field").asText()).isEqualTo("address");
        assertThat(sealed.path("corrections").get(1).has("currentValue")).isFalse();
        String email = sealed.path("subject").path("email").asText();
        assertThat(email).matches("rd1:" + KEY.keyId() + ":[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]+");
        assertThat(PersonalFields.clear(sealed, PersonalFields.COMMAND)).isEmpty();
        assertThat(PersonalFields.clear(command(), PersonalFields.COMMAND)).containsExactlyInAnyOrder("subject.email",
                "subject.name", "subject.identifiers.customerId", "corrections[0].currentValue",
                "corrections[0].correctedValue", "corrections[1].correctedValue");

        JsonNode opened = PersonalFields.open(sealed, (keyId, path) -> KEY);
        assertThat(opened).isEqualTo(command());
        // Sealing twice leaves sealed values alone (a re-sent command, a relayed result).
        assertThat(PersonalFields.seal(sealed, PersonalFields.COMMAND, KEY)).isEqualTo(sealed);
    }

    @Test
    void anAnswerOfAnyJsonShapeIsSealedAsItsJsonText() throws Exception {
        JsonNode result = JSON.readTree("""
                {"taskId": "t", "outcome": "COMPLETED", "answer": {"customer": {"email": "ada@example.org", "orders": [1, 2]}},
                 "reason": "kept the invoices", "summary": "1 record"}""");
        JsonNode sealed = PersonalFields.seal(result, PersonalFields.RESULT, KEY);
        assertThat(sealed.path("answer").isTextual()).isTrue();
        assertThat(sealed.path("summary").asText()).isEqualTo("1 record");
        assertThat(sealed.toString()).doesNotContain("ada@example.org", "invoices");
        assertThat(SealedField.open(KEY, "answer", sealed.path("answer").asText()))
                .isEqualTo("{\"customer\":{\"email\":\"ada@example.org\",\"orders\":[1,2]}}");
        assertThat(PersonalFields.open(sealed, (k, p) -> KEY)).isEqualTo(result);
    }

    @Test
    void aChangedValueIsRejected() {
        String sealed = SealedField.seal(KEY, "subject.email", "\"ada@example.org\"");
        String[] parts = sealed.split(":");
        byte[] ct = Base64.getDecoder().decode(parts[3]);
        ct[0] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + Base64.getEncoder().encodeToString(ct);
        assertThatThrownBy(() -> SealedField.open(KEY, "subject.email", tampered))
                .isInstanceOf(UnreadableFieldException.class).hasMessageStartingWith("subject.email does not decrypt")
                .hasMessageNotContaining("ada");
        byte[] nonce = Base64.getDecoder().decode(parts[2]);
        nonce[3] ^= 1;
        String otherNonce = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(nonce) + ":" + parts[3];
        assertThatThrownBy(() -> SealedField.open(KEY, "subject.email", otherNonce)).isInstanceOf(UnreadableFieldException.class);
    }

    @Test
    void aValueSealedForAnotherTicketOrFieldIsRejected() throws Exception {
        String sealed = SealedField.seal(KEY, "subject.email", "\"ada@example.org\"");
        // Same key bytes and key id, another ticket in the associated data: refused.
        DataKey otherTicket = new DataKey(UUID.randomUUID(), KEY.keyId(), KEY.key());
        assertThatThrownBy(() -> SealedField.open(otherTicket, "subject.email", sealed))
                .isInstanceOf(UnreadableFieldException.class).hasMessageContaining("another ticket or field");
        // Moved into another field of the same ticket: refused.
        assertThatThrownBy(() -> SealedField.open(KEY, "subject.name", sealed)).isInstanceOf(UnreadableFieldException.class);
        ObjectNode moved = (ObjectNode) command();
        ((ObjectNode) moved.path("subject")).put("name", sealed);
        ((ObjectNode) moved.path("subject")).remove("email");
        assertThatThrownBy(() -> PersonalFields.open(moved, (k, p) -> KEY))
                .isInstanceOf(UnreadableFieldException.class).extracting(e -> ((UnreadableFieldException) e).path())
                .isEqualTo("subject.name");
        // Another key, or the right key id with other key bytes: refused.
        DataKey otherKey = new DataKey(TICKET, "0000", KEY.key());
        assertThatThrownBy(() -> SealedField.open(otherKey, "subject.email", sealed)).hasMessageContaining("another key");
        DataKey otherBytes = new DataKey(TICKET, KEY.keyId(), bytes(32));
        assertThatThrownBy(() -> SealedField.open(otherBytes, "subject.email", sealed)).isInstanceOf(UnreadableFieldException.class);
    }

    @Test
    void malformedValuesAreRejectedByName() {
        for (String bad : List.of("rd1:", "rd1:k:AAAA", "rd2:k:AAAA:BBBB", "rd1::AAAAAAAAAAAAAAAA:BBBB", "rd1:k:!!:BBBB",
                "rd1:k:AAAA:BBBB:CCCC")) {
            assertThatThrownBy(() -> SealedField.open(KEY, "reason", bad)).isInstanceOf(UnreadableFieldException.class)
                    .hasMessageStartingWith("reason ");
        }
    }

    @Test
    void aWrappedDataKeyOnlyUnwrapsInItsOwnContext() {
        FieldCipher cipher = new FieldCipher(new CryptoConfig() {
            public String activeKeyId() {
                return "k2";
            }

            public Map<String, String> keys() {
                return Map.of("k1", Base64.getEncoder().encodeToString(bytes(32)), "k2",
                        Base64.getEncoder().encodeToString(bytes(32)));
            }

            public String blindIndexKey() {
                return Base64.getEncoder().encodeToString(bytes(32));
            }

            public Duration ticketKeyRetention() {
                return Duration.ZERO;
            }

            public Duration ticketKeyShredInterval() {
                return Duration.ofMinutes(10);
            }
        });
        byte[] key = bytes(32);
        String wrapped = cipher.wrap(key, "ticket-data-key|" + TICKET + "|abc");
        assertThat(wrapped).startsWith("w1:k2:").doesNotContain(Base64.getEncoder().encodeToString(key));
        assertThat(cipher.unwrap(wrapped, "ticket-data-key|" + TICKET + "|abc")).isEqualTo(key);
        assertThatThrownBy(() -> cipher.unwrap(wrapped, "ticket-data-key|" + UUID.randomUUID() + "|abc"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(KEY.toString()).doesNotContain(Base64.getEncoder().encodeToString(KEY.key()));
    }
}
