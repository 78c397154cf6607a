package dev.rightsdesk.platform.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-ticket data keys of crypto-shredding (ADR 0006), in process: the one place that creates, unwraps and
 * destroys them. Fan-out seals commands with it, the results consumer opens results, the demo systems and the
 * built-in connector runtime ({@code dev.rightsdesk.connector}) open commands and seal answers. A connector deployed
 * apart gets the same key from {@code GET /api/v1/connector-keys/{ticketId}} and applies the same rd1 format.
 */
@ApplicationScoped
public class TicketKeys {

    private static final int KEY_BYTES = 32;

    private final FieldCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TicketKeys(FieldCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * A copy of {@code data} with its personal fields at {@code patterns} ({@link PersonalFields#COMMAND},
     * {@link PersonalFields#RESULT}) sealed under the ticket's key, made on first use. Throws
     * {@link TicketKeyDestroyedException} when the ticket's key was already destroyed.
     */
    @Transactional
    public JsonNode encryptFields(UUID ticketId, JsonNode data, List<String> patterns) {
        if (PersonalFields.clear(data, patterns).isEmpty()) {
            return data; // nothing personal to seal: no key is made for it
        }
        return PersonalFields.seal(data, patterns, keyFor(ticketId));
    }

    /**
     * A copy of {@code data} with every rd1 value opened. {@code ticketId}, when given (the event's ticket), must be
     * the ticket each value was sealed for. Throws {@link UnreadableFieldException} (or its
     * {@link TicketKeyDestroyedException}) naming the field that cannot be read.
     */
    @Transactional
    public JsonNode decryptFields(UUID ticketId, JsonNode data) {
        if (!PersonalFields.anySealed(data)) {
            return data;
        }
        return PersonalFields.open(data, (keyId, path) -> {
            DataKey key = byKeyId(keyId, path);
            if (ticketId != null && !ticketId.equals(key.ticketId())) {
                throw new UnreadableFieldException(path, "is encrypted with the key of another ticket");
            }
            return key;
        });
    }

    /** Like {@link #decryptFields(UUID, JsonNode)} without a ticket to check against. */
    @Transactional
    public JsonNode decryptFields(JsonNode data) {
        return decryptFields(null, data);
    }

    /** The ticket's key, made and stored (wrapped) in the caller's transaction when it has none yet. */
    @Transactional
    public DataKey keyFor(UUID ticketId) {
        TicketDataKey row = TicketDataKey.findById(ticketId);
        if (row != null) {
            return unwrap(row);
        }
        if (DestroyedTicketKey.findById(ticketId) != null) {
            throw new TicketKeyDestroyedException("data", ticketId);
        }
        byte[] raw = new byte[KEY_BYTES];
        random.nextBytes(raw);
        byte[] id = new byte[12];
        random.nextBytes(id);
        row = new TicketDataKey();
        row.ticketId = ticketId;
        row.keyId = HexFormat.of().formatHex(id);
        row.wrappedKey = cipher.wrap(raw, context(ticketId, row.keyId));
        row.createdAt = clock.instant();
        row.persist();
        return new DataKey(ticketId, row.keyId, raw);
    }

    /** What a connector asks for: the ticket's key, if it has one that was not destroyed. */
    @Transactional
    public Lookup find(UUID ticketId) {
        TicketDataKey row = TicketDataKey.findById(ticketId);
        if (row != null) {
            return new Lookup(Optional.of(unwrap(row)), false);
        }
        return new Lookup(Optional.empty(), DestroyedTicketKey.findById(ticketId) != null);
    }

    /** A key, or why there is none: {@code destroyed} true when it existed and was shredded. */
    public record Lookup(Optional<DataKey> key, boolean destroyed) {
    }

    /**
     * Destroys the ticket's key in the caller's transaction (crypto-shredding) and leaves a tombstone; false when
     * the ticket had none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean destroy(UUID ticketId) {
        TicketDataKey row = TicketDataKey.findById(ticketId);
        if (row == null) {
            return false;
        }
        DestroyedTicketKey tombstone = new DestroyedTicketKey();
        tombstone.ticketId = ticketId;
        tombstone.keyId = row.keyId;
        tombstone.destroyedAt = clock.instant();
        row.delete();
        tombstone.persist();
        return true;
    }

    private DataKey byKeyId(String keyId, String path) {
        Optional<TicketDataKey> row = TicketDataKey.byKeyId(keyId);
        if (row.isPresent()) {
            return unwrap(row.get());
        }
        Optional<DestroyedTicketKey> destroyed = DestroyedTicketKey.byKeyId(keyId);
        if (destroyed.isPresent()) {
            throw new TicketKeyDestroyedException(path, destroyed.get().ticketId);
        }
        throw new UnreadableFieldException(path, "names a key Rightsdesk does not know");
    }

    private DataKey unwrap(TicketDataKey row) {
        return new DataKey(row.ticketId, row.keyId, cipher.unwrap(row.wrappedKey, context(row.ticketId, row.keyId)));
    }

    private static String context(UUID ticketId, String keyId) {
        return "ticket-data-key|" + ticketId + "|" + keyId;
    }
}
