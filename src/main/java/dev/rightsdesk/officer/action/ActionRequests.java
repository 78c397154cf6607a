package dev.rightsdesk.officer.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.ai.remediation.RemediationEvidence;
import dev.rightsdesk.ai.remediation.RemediationState;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.SubjectIdentity;
import dev.rightsdesk.ticket.decision.RefusalGround;
import dev.rightsdesk.ticket.decision.RefusalScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The bodies of the officer's actions ({@code POST /api/v1/tickets/{id}/<action>}). */
public final class ActionRequests {

    static final int REASON = 4000;

    private ActionRequests() {
    }

    /** How an officer checked the identity by hand (for requests by post or phone). */
    public enum VerificationMethod {
        ID_DOCUMENT, KNOWN_CUSTOMER_DATA, PHONE_CALLBACK, IN_PERSON, SIGNED_LETTER, OTHER
    }

    /** The channel a request came in by, when an officer registers it. */
    public enum Channel {
        EMAIL, POST, PHONE, OTHER
    }

    public record Verification(
            @NotNull(message = "is required; one of ID_DOCUMENT, KNOWN_CUSTOMER_DATA, PHONE_CALLBACK, IN_PERSON, SIGNED_LETTER, OTHER")
            VerificationMethod method,
            @NotBlank(message = "is required: say what was checked") @Size(max = REASON) String reason) {
    }

    public record Approval(@Size(max = REASON) String reason) {
    }

    public record Refusal(
            @NotNull(message = "is required; one of WHOLE, PARTIAL") RefusalScope scope,
            @NotEmpty(message = "must name at least one ground") @Size(max = 11) List<@NotNull RefusalGround> grounds,
            @NotBlank(message = "is required: the subject is told the reasons (Art. 12(4))") @Size(max = REASON) String reasons) {
    }

    /** The reason is checked by the statutory clock (D4), after the date: a late extension is refused first. */
    public record Extension(@Size(max = REASON) String reason) {
    }

    /** {@code assignee}: a user name, {@code me} for the caller, or null to unassign. */
    public record Assignment(
            @Pattern(regexp = "^[A-Za-z0-9._@-]{1,100}$", message = "must be a user name (letters, digits, . _ @ -)")
            String assignee,
            @Size(max = REASON) String reason) {
    }

    public record Note(@NotBlank(message = "is required") @Size(max = REASON) String text) {
    }

    public record Closure(
            @NotBlank(message = "is required: the answer to the subject") @Size(max = 20000) String response,
            @Size(max = REASON) String reason) {
    }

    public record ObjectionDecisionRequest(
            @NotNull(message = "is required: true if compelling legitimate grounds override the subject's interests")
            Boolean compellingGrounds,
            @NotBlank(message = "is required") @Size(max = REASON) String reasons) {
    }

    public record TaskResend(@NotBlank(message = "is required: why it is sent again") @Size(max = REASON) String reason) {
    }

    /** Why the officer holds a typed identifier for the subject's own (a contract, a letter, a call back). */
    public record IdentifierVerification(
            @NotBlank(message = "is required: how the identifier was checked") @Size(max = REASON) String reason) {
    }

    /** {@code outcome}: COMPLETED (the default), NOT_FOUND, PARTIAL or FAILED. */
    public record ManualCompletion(
            @Pattern(regexp = "^(COMPLETED|NOT_FOUND|PARTIAL|FAILED)$", message = "must be one of COMPLETED, NOT_FOUND, PARTIAL, FAILED")
            String outcome,
            @NotBlank(message = "is required: what shows the task was done") @Size(max = REASON) String evidence) {
    }

    /** A remediation step as the AI rights feature takes it: the state reached and the evidence backing it. */
    public record RemediationOutcome(
            @NotNull(message = "is required; one of RETRAIN_SCHEDULED, RETRAINED, UNLEARNED, RETIRED, ANONYMITY_ASSESSED, RESOLVED")
            RemediationState state,
            @Valid RemediationEvidence evidence) {
    }

    /** A request received by e-mail, post or phone; the clock runs from {@code receivedAt} (D1). */
    public record Registration(
            @NotNull(message = "is required; one of ACCESS, RECTIFICATION, ERASURE, OBJECTION") RequestType type,
            @NotNull(message = "is required; one of EMAIL, POST, PHONE, OTHER") Channel channel,
            @NotNull(message = "is required: when the request reached the controller") Instant receivedAt,
            @NotNull(message = "is required") @Valid SubjectIdentity subject,
            JsonNode details,
            @Pattern(regexp = "^(en|nl)$", message = "must be one of en, nl") String locale,
            @Size(max = REASON) String note) {
    }

    public record BulkApproval(@NotEmpty(message = "must name at least one ticket") List<@NotNull UUID> ids,
            @Size(max = REASON) String reason) {
    }

    public record BulkRefusal(@NotEmpty(message = "must name at least one ticket") List<@NotNull UUID> ids,
            @NotEmpty(message = "must name at least one ground") List<@NotNull RefusalGround> grounds,
            @NotBlank(message = "is required") @Size(max = REASON) String reasons) {
    }

    /** {@code assignee}: a user name, or null to unassign every ticket named. */
    public record BulkAssignment(@NotEmpty(message = "must name at least one ticket") List<@NotNull UUID> ids,
            @Pattern(regexp = "^[A-Za-z0-9._@-]{1,100}$", message = "must be a user name (letters, digits, . _ @ -)")
            String assignee) {
    }

    /** {@code reason} is required for tickets still waiting for review: they are answered by hand. */
    public record BulkClosure(@NotEmpty(message = "must name at least one ticket") List<@NotNull UUID> ids,
            @NotBlank(message = "is required: the answer to the subjects") @Size(max = 20000) String response,
            @Size(max = REASON) String reason) {
    }
}
