package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checks the integrity of the whole audit log. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
@Tag(name = "Audit", description = "The tamper-evident audit trail")
@SecurityRequirement(name = "staffBasic")
@SecurityRequirement(name = "staffBearer")
public class AuditResource {

    private final AuditVerifier verifier;

    public AuditResource(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Path("verify")
    @Operation(summary = "Verify the hash chain of the whole audit log and name the first broken entry")
    @APIResponse(responseCode = "200", description = "The report; intact=false names the first broken entry")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a staff role")
    public AuditVerifier.Report verify() {
        return verifier.verify();
    }
}
