package dev.rightsdesk.intake.rest;

import dev.rightsdesk.intake.SubjectFlow;
import dev.rightsdesk.intake.SubjectFlow.VerifyResult;
import dev.rightsdesk.intake.status.StatusLinks;
import dev.rightsdesk.intake.verification.CodeCheck;
import dev.rightsdesk.platform.http.ClientAddress;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API side of e-mail verification: enter the code, ask for a new one. */
@Path(IntakeResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class VerificationResource {

    /** Body of {@code POST .../verification}. */
    public record CodeEntry(@NotBlank(message = "is required") @Size(max = 20, message = "must be at most 20 characters")
            String code) {
    }

    /** Answer to a correct code: the status token opens the status page and adds the reasons to the status API. */
    public record Verified(UUID id, String statusToken, String statusPageUrl) {
    }

    /** Answer to a request for a new code. Always the same, whatever the address. */
    public record CodeSent(String status) {
    }

    private final SubjectFlow flow;
    private final ClientAddress clients;

    public VerificationResource(SubjectFlow flow, ClientAddress clients) {
        this.flow = flow;
        this.clients = clients;
    }

    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the e-mail address with the one-time code the subject received")
    @APIResponse(responseCode = "200", description = "Confirmed; returns the status token")
    @APIResponse(responseCode = "400", description = "No code given")
    @APIResponse(responseCode = "404", description = "No request with that id")
    @APIResponse(responseCode = "409", description = "Already confirmed, or the request is closed")
    @APIResponse(responseCode = "422", description = "Wrong, expired, used or exhausted code (type code-wrong, "
            + "code-exhausted, code-expired, code-none); after 3 wrong entries a new code must be requested")
    @APIResponse(responseCode = "429", description = "Too many attempts; see Retry-After")
    public Verified verify(@PathParam("id") String id, @Context HttpServerRequest http, CodeEntry entry) {
        UUID ticketId = IntakeResource.parseId(id);
        if (entry == null || entry.code() == null || entry.code().isBlank()) {
            throw ProblemException.invalid("The code is missing", new FieldViolation("code", "is required"));
        }
        VerifyResult result = flow.verify(ticketId, entry.code(), clients.of(http));
        return switch (result.state()) {
            case VERIFIED -> new Verified(ticketId, result.statusToken(), StatusLinks.PAGE + result.statusToken());
            case ALREADY_VERIFIED -> throw ProblemException.conflict("already-verified", "Already confirmed",
                    "This request is already confirmed; the status link was sent by e-mail");
            case CLOSED -> throw ProblemException.conflict("request-closed", "Request closed",
                    "This request is closed; no code can be entered");
            case REJECTED -> throw rejected(result.check());
        };
    }

    @POST
    @Path("{id}/verification-code")
    @Operation(summary = "Send a new one-time code to the request's e-mail address; the previous code stops working")
    @APIResponse(responseCode = "202", description = "A new code is on its way")
    @APIResponse(responseCode = "404", description = "No request with that id")
    @APIResponse(responseCode = "409", description = "Already confirmed, or the request is closed")
    @APIResponse(responseCode = "429", description = "Too many codes asked for; see Retry-After")
    public Response resend(@PathParam("id") String id, @Context HttpServerRequest http) {
        flow.resend(IntakeResource.parseId(id), clients.of(http));
        return Response.accepted(new CodeSent("sent")).build();
    }

    /** The 422 problem for a code that was not accepted; names no value. */
    public static ProblemException rejected(CodeCheck check) {
        return switch (check.outcome()) {
            case WRONG -> new ProblemException(422, "code-wrong", "Wrong code",
                    "The code is not right; " + check.attemptsLeft() + " more attempt(s) with this code",
                    List.of(new FieldViolation("code", "is not right")));
            case EXHAUSTED -> new ProblemException(422, "code-exhausted", "Too many wrong codes",
                    "This code was entered wrongly too often; request a new code", List.of(new FieldViolation("code", "no longer works")));
            case EXPIRED -> new ProblemException(422, "code-expired", "Code expired",
                    "This code has expired; request a new code", List.of(new FieldViolation("code", "has expired")));
            default -> new ProblemException(422, "code-none", "No code in force",
                    "No code is in force for this request (used or replaced); request a new code",
                    List.of(new FieldViolation("code", "no longer works")));
        };
    }
}
