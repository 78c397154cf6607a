package dev.rightsdesk.system.rest;

import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.system.SystemRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The registry of connected systems, read-only.
 *
 * <p>STAFF ENDPOINT, NOT YET SECURED: public until the officer issue (issue 6) puts it behind sign-in
 * (roles officer, admin, auditor). It names no personal data, only the deployment's systems.
 */
@Path("/api/v1/systems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connected systems")
public class SystemsResource {

    private final SystemRegistry registry;

    public SystemsResource(SystemRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "Connected systems", description = "Every system a request is carried to, as declared in "
            + "the systems file (rightsdesk.systems.file): kind, request types handled, identity types it looks a "
            + "subject up by, the Art. 15 facts, its task topic and reply deadline.")
    public List<SystemView> list() {
        return registry.all().stream().map(SystemView::of).toList();
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One connected system")
    public SystemView get(@PathParam("key") String key) {
        return registry.find(key).map(SystemView::of).orElseThrow(() -> ProblemException.notFound("System"));
    }
}
