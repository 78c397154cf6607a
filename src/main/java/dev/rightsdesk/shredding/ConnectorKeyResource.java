package dev.rightsdesk.shredding;

import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The key service of crypto-shredding for connectors deployed apart (ADR 0006, docs/events.md): a principal with
 * the {@code connector} role gets a ticket's data key to open the rd1 fields of its commands and seal its answers.
 * 404 when the ticket never had one, 410 once it was destroyed. Every key handed out is audited.
 */
@Path(ConnectorKeyResource.PATH + "/{ticketId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CONNECTOR)
@Tag(name = "Connectors")
public class ConnectorKeyResource {

    public static final String PATH = "/api/v1/connector-keys";

    private final ConnectorKeyService service;

    public ConnectorKeyResource(ConnectorKeyService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A ticket's data key, to decrypt its commands' personal fields and encrypt answers (rd1)")
    @APIResponse(responseCode = "200", description = "The key (Base64, 32 bytes); never cache it past the command")
    @APIResponse(responseCode = "404", description = "The ticket has no data key (none was ever made)")
    @APIResponse(responseCode = "410", description = "The key was destroyed after the ticket closed (crypto-shredded)")
    public Response get(@PathParam("ticketId") String ticketId) {
        UUID id;
        try {
            id = UUID.fromString(ticketId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Data key");
        }
        return Response.ok(service.issue(id)).header("Cache-Control", "no-store").build();
    }
}
