package dev.rightsdesk.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A download of the access package, granted after a fresh e-mail code; found by the SHA-256 of its link token. */
@Entity
@Table(name = "access_package_grant")
public class AccessPackageGrant extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID ticketId;
    public String tokenHash;
    public Instant createdAt;
    public Instant expiresAt;
    public int downloads;
    public Instant lastDownloadAt;

    static Optional<AccessPackageGrant> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }
}
