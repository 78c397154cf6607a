package dev.rightsdesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.SubjectIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/v1/requests}. {@code details} depends on the type and is checked by
 * {@link RequestDetails#parse}.
 */
public record IntakeRequest(
        @NotNull(message = "is required; one of ACCESS, RECTIFICATION, ERASURE, OBJECTION")
        RequestType type,
        @NotNull(message = "is required") @Valid
        SubjectIdentity subject,
        JsonNode details,
        @Pattern(regexp = "^(en|nl)$", message = "must be one of en, nl")
        String locale) {
}
