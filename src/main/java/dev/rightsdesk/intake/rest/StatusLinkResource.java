package dev.rightsdesk.intake.rest;

import dev.rightsdesk.intake.i18n.SubjectLocale;
import dev.rightsdesk.platform.http.ClientAddress;
import dev.rightsdesk.intake.status.LinkLookup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Send me the links to my requests again", through the API; the same answer for every address. */
@Path("/api/v1/status-links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class StatusLinkResource {

    /** Body: the address the requests were made with, and the language of the mail. */
    public record LinkRequest(
            @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
            @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address such as name@example.org")
            String email,
            @Pattern(regexp = "^(en|nl)$", message = "must be one of en, nl") String locale) {
    }

    /** Always the same, known address or not. */
    public record Accepted(String status) {
    }

    private final LinkLookup lookup;
    private final ClientAddress clients;

    public StatusLinkResource(LinkLookup lookup, ClientAddress clients) {
        this.lookup = lookup;
        this.clients = clients;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mail the status links of the confirmed requests of an address to that address",
            description = "Answers 202 whether or not the address has requests; the look-up and the mail happen afterwards.")
    @APIResponse(responseCode = "202", description = "Accepted (for every address)")
    @APIResponse(responseCode = "400", description = "Not an e-mail address")
    @APIResponse(responseCode = "429", description = "Too many look-ups; see Retry-After")
    public Response request(@Valid LinkRequest body, @Context HttpServerRequest http) {
        if (body == null) {
            throw dev.rightsdesk.platform.error.ProblemException.invalid("The request body is empty",
                    new dev.rightsdesk.platform.error.ProblemException.FieldViolation("body", "is required"));
        }
        lookup.requestLinks(body.email().trim(), SubjectLocale.normalise(body.locale()), clients.of(http));
        return Response.accepted(new Accepted("accepted")).build();
    }
}
