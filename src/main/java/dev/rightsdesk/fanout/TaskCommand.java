package dev.rightsdesk.fanout;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.RequestType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code data} of a task command CloudEvent ({@code dev.rightsdesk.task.<action>.v1}) on a system's topic.
 * Carries only the identifiers the system declared, and only the details its action needs.
 *
 * @param attempt 1 for the first send; a re-send keeps the task id and raises it
 * @param replyDue when Rightsdesk expects a final answer to this attempt
 * @param statutoryDue the date the controller must answer the subject by (in force when sent)
 * @param replyTopic where to send the result
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskCommand(
        UUID taskId,
        UUID ticketId,
        String systemKey,
        RequestType action,
        int attempt,
        Instant sentAt,
        Instant replyDue,
        LocalDate statutoryDue,
        String replyTopic,
        Subject subject,
        List<RequestDetails.Correction> corrections,
        String ground,
        RequestDetails.ObjectionBasis basis,
        List<String> purposes) {

    /** Where every system sends its results. */
    public static final String RESULTS_TOPIC = "dsr.task-results";

    /** CloudEvent type of a command for {@code action}. */
    public static String type(RequestType action) {
        return "dev.rightsdesk.task." + action.slug() + ".v1";
    }

    /**
     * The subject, as far as this system may know them: only its declared identity types.
     *
     * @param verified for each identifier sent ({@code email}, {@code name}, each key of {@code identifiers}) whether
     *        Rightsdesk verified it: the e-mail confirmed by code (or an identity check), a typed identifier only when
     *        an officer marked it verified. A system must not let an unverified identifier pull in data by itself.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Subject(String email, String name, Map<String, String> identifiers, Map<String, Boolean> verified) {
    }
}
