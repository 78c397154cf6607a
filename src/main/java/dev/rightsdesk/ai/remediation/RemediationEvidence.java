package dev.rightsdesk.ai.remediation;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What backs a remediation step. Which fields a state requires: RETRAIN_SCHEDULED {@code expectedBy};
 * RETRAINED {@code newModelVersion} and {@code exclusionSnapshotVersion} (a snapshot that holds the
 * subject); UNLEARNED {@code newModelVersion} and {@code assessment} (the method); ANONYMITY_ASSESSED
 * {@code assessment} or {@code reference}; RETIRED and RESOLVED nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemediationEvidence(
        @Size(max = 200, message = "must be at most 200 characters") String newModelVersion,
        @PositiveOrZero(message = "must be 0 or more") Long exclusionSnapshotVersion,
        @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lower-case hex digits") String exclusionSnapshotDigest,
        LocalDate expectedBy,
        @Size(max = 20000, message = "must be at most 20000 characters") String assessment,
        @Size(max = 1000, message = "must be at most 1000 characters") String reference,
        @Size(max = 2000, message = "must be at most 2000 characters") String note) {

    public static RemediationEvidence none() {
        return new RemediationEvidence(null, null, null, null, null, null, null);
    }

    public static RemediationEvidence note(String note) {
        return new RemediationEvidence(null, null, null, null, null, null, note);
    }
}
