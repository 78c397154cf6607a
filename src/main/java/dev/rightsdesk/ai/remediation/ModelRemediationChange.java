package dev.rightsdesk.ai.remediation;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of a remediation's append-only history: from, to, who, and the evidence given (encrypted JSON). */
@Entity
@Table(name = "model_remediation_change")
public class ModelRemediationChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID remediationId;
    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    public RemediationState fromState;

    @Enumerated(EnumType.STRING)
    public RemediationState toState;

    /** {@code system}, the registry ({@code system:<key>}) or the officer's user name. */
    public String actor;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "evidence_enc")
    public String evidenceJson;

    public Instant at;

    public static List<ModelRemediationChange> history(UUID remediationId) {
        return list("remediationId = ?1 order by id", remediationId);
    }
}
