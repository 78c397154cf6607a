package dev.rightsdesk.ticket.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The chain's arithmetic: the canonical form of an entry and its hash,
 * {@code SHA-256(previous hash || "\n" || canonical entry)}. Pure, so a verifier outside the application can
 * redo it from a plain export of the table.
 */
public final class AuditHash {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** Sorted keys, ISO dates: the same content always gives the same bytes. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private AuditHash() {
    }

    /** The content as stored: canonical JSON of {@code content}. */
    public static String canonicalJson(Map<String, ?> content) {
        try {
            return CANONICAL.writeValueAsString(content == null ? Map.of() : content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit content is not serialisable", e);
        }
    }

    /**
     * The hash of one entry. The fields are serialised as one JSON array, so no value can be shifted into its
     * neighbour by a crafted separator.
     */
    public static String entryHash(String previousHash, long seq, Instant at, UUID ticketId, String kind, String name,
            String actor, String content, String reasonEnc) {
        String canonical;
        try {
            canonical = CANONICAL.writeValueAsString(Arrays.asList(seq, DateTimeFormatter.ISO_INSTANT.format(at),
                    ticketId == null ? null : ticketId.toString(), kind, name, actor, content, reasonEnc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return sha256(previousHash + "\n" + canonical);
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
