package dev.rightsdesk.ai.exclusion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One version of the training-exclusion list: its digest, size and when it was raised. */
@Entity
@Table(name = "exclusion_snapshot")
public class ExclusionSnapshot extends PanacheEntityBase {

    @Id
    public long version;

    /** SHA-256 (hex) over the sorted distinct active hashes, each followed by a line feed. */
    public String digest;

    public long entryCount;

    public Instant createdAt;

    public static ExclusionSnapshot current() {
        return find("order by version desc").firstResult();
    }

    public static Optional<ExclusionSnapshot> at(long version) {
        return findByIdOptional(version);
    }

    /** The latest version raised at or before {@code instant} (version 0, the empty list, if none). */
    public static ExclusionSnapshot currentAt(Instant instant) {
        return find("createdAt <= ?1 order by version desc", instant).firstResult();
    }
}
