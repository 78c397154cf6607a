package dev.rightsdesk.ai.remediation;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The remediation of one model version a registry reported as trained on the subject's data, for an
 * erasure or objection ticket: its state, the remedy chosen with its evidence, and a due date within the
 * ticket's deadline. The ticket is not ready for the response until every one is {@code RESOLVED}.
 */
@Entity
@Table(name = "model_remediation")
public class ModelRemediation extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID ticketId;
    public UUID taskId;
    /** The registry's report this remediation answers (fan-out's {@code task_model_version}). */
    public Long taskModelVersionId;
    public String systemKey;
    public String modelName;
    public String modelVersion;

    @Enumerated(EnumType.STRING)
    public RemediationState state;

    /** The remedy recorded (kept once RESOLVED). */
    @Enumerated(EnumType.STRING)
    public RemediationState remedy;

    public LocalDate dueDate;

    /** Evidence: the model version that replaces this one (retrained or unlearned). */
    public String newModelVersion;
    /** Evidence: the exclusion snapshot the retraining applied, and its digest. */
    public Long exclusionSnapshotVersion;
    public String exclusionSnapshotDigest;
    /** Evidence: when a scheduled retraining is expected to finish. */
    public LocalDate expectedBy;
    /** Evidence: a link to the registry's record, the assessment document, a ticket in another tool. */
    public String evidenceReference;

    /** The anonymity assessment (EDPB Opinion 28/2024), or how unlearning was done; free text, encrypted. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "assessment_enc")
    public String assessment;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "note_enc")
    public String note;

    public Instant createdAt;
    public Instant updatedAt;
    public Instant resolvedAt;
    public String resolvedBy;

    @Version
    public long version;

    public boolean isResolved() {
        return state == RemediationState.RESOLVED;
    }

    public static List<ModelRemediation> forTicket(UUID ticketId) {
        return list("ticketId = ?1 order by systemKey, modelName, modelVersion", ticketId);
    }

    public static Optional<ModelRemediation> forReport(Long taskModelVersionId) {
        return find("taskModelVersionId", taskModelVersionId).firstResultOptional();
    }

    /** The remediations of one model version on one ticket (normally one). */
    public static List<ModelRemediation> forModel(UUID ticketId, String systemKey, String modelName, String modelVersion) {
        return list("ticketId = ?1 and systemKey = ?2 and modelName = ?3 and modelVersion = ?4",
                ticketId, systemKey, modelName, modelVersion);
    }
}
