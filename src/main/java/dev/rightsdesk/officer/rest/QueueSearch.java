package dev.rightsdesk.officer.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A queue search by personal data, sent as a POST body so that the subject's e-mail address or name never
 * stands in a URL (URLs end up in access logs, proxies and browser history). The other fields are the filters of
 * {@code GET /api/v1/tickets}, with the same meaning.
 */
@Schema(description = "Queue search: the subject's e-mail (exact) or name (part of it), plus the queue's filters")
public record QueueSearch(
        @Schema(description = "The subject's e-mail address, matched exactly (case-insensitive) through the blind index")
        @Email(message = "must be an e-mail address") @Size(max = 320) String email,
        @Schema(description = "Part of the subject's name; case, accents and spacing do not matter")
        @Size(max = 200) String name,
        @Schema(description = "A ticket id, a reference like RD-3F2A9C1B, or the first 6+ digits of an id")
        @Size(max = 64) String ticket,
        List<String> status,
        List<String> type,
        Boolean overdue,
        Integer dueWithinDays,
        @Schema(description = "A user name, 'me', or 'none'") String assignee,
        Boolean flagged,
        @Schema(description = "due (default), received, status or type") String sort,
        @Schema(description = "asc (default) or desc") String order,
        Integer page,
        Integer size) {
}
