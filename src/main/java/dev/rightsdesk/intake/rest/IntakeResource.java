package dev.rightsdesk.intake.rest;

import dev.rightsdesk.intake.IntakeRequest;
import dev.rightsdesk.intake.IntakeService;
import dev.rightsdesk.intake.SubjectConfig;
import dev.rightsdesk.platform.http.ClientAddress;
import dev.rightsdesk.intake.status.StatusService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public intake API: submit a request, follow its status. */
@Path(IntakeResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Submit a data-subject request and follow it")
public class IntakeResource {

    public static final String PATH = "/api/v1/requests";

    /** Header carrying the status token from the subject's mail; it adds the reasons to the status. */
    public static final String STATUS_TOKEN = "Status-Token";

    private final IntakeService intake;
    private final StatusService statuses;
    private final ClientAddress clients;
    private final SubjectConfig subject;

    public IntakeResource(IntakeService intake, StatusService statuses, ClientAddress clients, SubjectConfig subject) {
        this.intake = intake;
        this.statuses = statuses;
        this.clients = clients;
        this.subject = subject;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a request (access, rectification, erasure or objection)")
    @APIResponse(responseCode = "202", description = "Accepted; the Location header is the status URL")
    @APIResponse(responseCode = "400", description = "Invalid input (problem+json naming the fields)")
    @APIResponse(responseCode = "413", description = "Body larger than 64 KiB")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    @APIResponse(responseCode = "429", description = "Too many requests from this client or for this e-mail address; see Retry-After")
    @APIResponse(responseCode = "503", description = "Busy (load shedding) or the database is unreachable; nothing was"
            + " stored; retry after Retry-After, with the same Idempotency-Key")
    public Response submit(
            @Parameter(description = "Makes a retried POST return the same ticket (at most 200 characters)")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context HttpServerRequest http,
            IntakeRequest request) {
        intake.countSubmission(clients.of(http), request == null || request.subject() == null ? null
                : request.subject().email());
        if (request == null) {
            throw ProblemException.invalid("The request body is empty", new FieldViolation("body", "is required"));
        }
        Optional<String> key = Optional.ofNullable(idempotencyKey).map(String::trim).filter(k -> !k.isEmpty());
        if (key.isPresent() && (key.get().length() > 200 || !key.get().matches("^[\\x21-\\x7e]+$"))) {
            throw ProblemException.invalid("Idempotency-Key is not valid",
                    new FieldViolation("Idempotency-Key", "must be 1 to 200 visible ASCII characters"));
        }
        var submission = intake.submit(request, key);
        var view = RequestStatusView.of(submission.ticket());
        return Response.accepted(new SubmissionView(view.id(), view.type(), view.status(), view.receivedAt(),
                        view.dueDate(), view.statusUrl()))
                .location(URI.create(view.statusUrl()))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Where a request stands (no personal data)",
            description = "With the Status-Token header (the token of the status link mailed to the subject), the answer "
                    + "adds an explanation: the reasons of an extension or refusal and the right to complain.")
    @APIResponse(responseCode = "200", description = "The status")
    @APIResponse(responseCode = "404", description = "No request with that id")
    public RequestStatusView status(@PathParam("id") String id,
            @Parameter(description = "The status token from the subject's mail (optional)")
            @HeaderParam(STATUS_TOKEN) String statusToken) {
        var found = statuses.byId(parseId(id), statusToken).orElseThrow(() -> ProblemException.notFound("Request"));
        return found.withReasons() ? RequestStatusView.of(found.ticket(), found.status(), subject)
                : RequestStatusView.of(found.ticket());
    }

    public static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Request");
        }
    }

    /** Answer to a submission. */
    public record SubmissionView(UUID id, dev.rightsdesk.ticket.RequestType type, dev.rightsdesk.ticket.TicketStatus status,
            java.time.Instant receivedAt, java.time.LocalDate dueDate, String statusUrl) {
    }
}
