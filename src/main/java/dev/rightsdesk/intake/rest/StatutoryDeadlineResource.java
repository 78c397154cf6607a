package dev.rightsdesk.intake.rest;

import dev.rightsdesk.deadline.Easter;
import dev.rightsdesk.deadline.MemberState;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.error.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tells when a request received at a given instant is due, so a controller can check the arithmetic. */
@Path("/api/v1/statutory-deadline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines")
public class StatutoryDeadlineResource {

    private static final String MEMBER_STATES =
            Arrays.stream(MemberState.values()).map(Enum::name).collect(Collectors.joining(", "));

    // A day of margin on each side so that the date in any zone stays within 1583..9999.
    private static final Instant EARLIEST = Instant.parse("1583-01-02T00:00:00Z");
    private static final Instant LATEST_EXCLUSIVE = Instant.parse("9999-12-31T00:00:00Z");

    private final StatutoryClock clock;
    private final Clock now;

    @Inject
    public StatutoryDeadlineResource(StatutoryClock clock) {
        this(clock, Clock.systemUTC());
    }

    StatutoryDeadlineResource(StatutoryClock clock, Clock now) {
        this.clock = clock;
        this.now = now;
    }

    @GET
    @Blocking
    @Operation(summary = "Statutory deadline for a receipt instant",
            description = "One month from the date of receipt in the controller's zone (Reg. 1182/71 Art. 3(2)(c)), "
                    + "rolled to the next working day when it ends on a weekend or public holiday, and the same for "
                    + "the three-month extended deadline. Nominal dates are kept as internal targets.")
    public StatutoryDeadlineResponse deadline(
            @Parameter(description = "When the request was received, an ISO-8601 instant; now when omitted",
                    example = "2026-03-05T10:15:30Z")
            @QueryParam("receivedAt") String receivedAt,
            @Parameter(description = "Whose public holidays to use (NL, BE, DE, FR, IE); the configured one when omitted",
                    example = "DE")
            @QueryParam("memberState") String memberState) {
        StatutoryClock counting = isBlank(memberState) ? clock : clock.withMemberState(parseMemberState(memberState));
        Instant received = isBlank(receivedAt) ? now.instant() : parseInstant(receivedAt);
        return StatutoryDeadlineResponse.of(counting.deadlineFor(received));
    }

    // The messages never repeat the input: a caller may paste anything into a query parameter.
    private static Instant parseInstant(String value) {
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalidInstant();
        }
        // Holidays need the Gregorian Easter (from 1583); past year 9999 ISO-8601 needs an expanded format.
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST_EXCLUSIVE)) {
            throw invalidInstant();
        }
        return instant;
    }

    private static ProblemException invalidInstant() {
        return ProblemException.invalid("receivedAt is not an ISO-8601 instant",
                new FieldViolation("receivedAt", "must be an ISO-8601 instant such as 2026-03-05T10:15:30Z"));
    }

    private static MemberState parseMemberState(String value) {
        try {
            return MemberState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("memberState is not a supported member state",
                    new FieldViolation("memberState", "must be one of " + MEMBER_STATES));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
