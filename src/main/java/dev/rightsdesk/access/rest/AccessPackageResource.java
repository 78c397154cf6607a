package dev.rightsdesk.access.rest;

import dev.rightsdesk.access.AccessPackageService;
import dev.rightsdesk.platform.http.ClientAddress;
import dev.rightsdesk.intake.rest.IntakeResource;
import dev.rightsdesk.intake.rest.VerificationResource;
import dev.rightsdesk.intake.rest.VerificationResource.CodeEntry;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API side of the access package: ask for a code, confirm it (the download is {@link PackageDownloadResource}). */
@Path(IntakeResource.PATH)
@Tag(name = "Access package", description = "Download the answer to an access request (Art. 15)")
public class AccessPackageResource {

    /** A granted download: the link works until {@code expiresAt}. */
    public record Grant(UUID requestId, String downloadUrl, Instant expiresAt) {
    }

    private final AccessPackageService packages;
    private final ClientAddress clients;

    public AccessPackageResource(AccessPackageService packages, ClientAddress clients) {
        this.packages = packages;
        this.clients = clients;
    }

    @POST
    @Path("{id}/package-code")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mail a fresh one-time code that unlocks the access package")
    @APIResponse(responseCode = "202", description = "A code is on its way to the request's e-mail address")
    @APIResponse(responseCode = "404", description = "No request with that id")
    @APIResponse(responseCode = "409", description = "Not an answered access request (status READY_FOR_RESPONSE or COMPLETED)")
    @APIResponse(responseCode = "429", description = "Too many codes asked for; see Retry-After")
    public Response sendCode(@PathParam("id") String id, @Context HttpServerRequest http) {
        packages.sendCode(IntakeResource.parseId(id), clients.of(http));
        return Response.accepted(new VerificationResource.CodeSent("sent")).build();
    }

    @POST
    @Path("{id}/package")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the package code; returns a download link that expires")
    @APIResponse(responseCode = "201", description = "Granted; Location is the download link")
    @APIResponse(responseCode = "409", description = "Not an answered access request")
    @APIResponse(responseCode = "422", description = "Wrong, expired, used or exhausted code")
    @APIResponse(responseCode = "429", description = "Too many attempts; see Retry-After")
    public Response confirm(@PathParam("id") String id, @Context HttpServerRequest http, CodeEntry entry) {
        UUID ticketId = IntakeResource.parseId(id);
        if (entry == null || entry.code() == null || entry.code().isBlank()) {
            throw ProblemException.invalid("The code is missing", new FieldViolation("code", "is required"));
        }
        var confirmation = packages.confirm(ticketId, entry.code(), clients.of(http));
        if (!confirmation.check().accepted()) {
            throw VerificationResource.rejected(confirmation.check());
        }
        String url = PackageDownloadResource.PATH + "/" + confirmation.token();
        return Response.created(URI.create(url)).entity(new Grant(ticketId, url, confirmation.expiresAt())).build();
    }
}
