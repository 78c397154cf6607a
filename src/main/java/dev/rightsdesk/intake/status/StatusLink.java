package dev.rightsdesk.intake.status;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The encrypted copy of a ticket's status token, so that later notices can carry the same link. */
@Entity
@Table(name = "subject_status_link")
public class StatusLink extends PanacheEntityBase {

    @Id
    public UUID ticketId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "token_enc")
    public String token;

    public Instant createdAt;
}
