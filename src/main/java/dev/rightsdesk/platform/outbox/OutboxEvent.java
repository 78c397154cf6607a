package dev.rightsdesk.platform.outbox;

import dev.rightsdesk.platform.crypto.LenientEncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting to be (or already) relayed to Kafka; written in the transaction of the change it announces.
 * Both writers use plain JDBC ({@link Outbox} inserts, {@link OutboxRelay} marks); this mapping is for reading.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The CloudEvent id; consumers deduplicate by it. */
    public UUID id;

    public String topic;

    @Column(name = "event_key")
    public String key;

    public String type;

    /**
     * The structured-mode CloudEvent JSON; null for a tombstone on a compacted topic. Encrypted at rest: a task
     * command carries the identifiers its system looks the subject up by, and a database dump must show no
     * personal data (issue 6). The relay reads the column with plain JDBC and decrypts it with the same converter;
     * rows written before the encryption (plain JSON) still read as they are.
     */
    @Convert(converter = LenientEncryptedStringConverter.class)
    public String payload;

    public Instant createdAt;
    public Instant publishedAt;
    public int attempts;
    public String lastError;
}
