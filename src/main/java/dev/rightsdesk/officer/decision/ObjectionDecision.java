package dev.rightsdesk.officer.decision;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The Art. 21(1) balancing on an objection: whether the controller has compelling legitimate grounds that
 * override the subject's interests. Without them the objection is upheld; with them it is overruled and the
 * reasons are told to the subject.
 */
@Entity
@Table(name = "objection_decision")
public class ObjectionDecision extends PanacheEntityBase {

    @Id
    public UUID ticketId;

    public boolean compellingGrounds;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reasons_enc")
    public String reasons;

    public String actor;
    public Instant at;
}
