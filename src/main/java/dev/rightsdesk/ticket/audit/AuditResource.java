package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checks the integrity of the whole audit log, optionally against an anchor kept on {@code dsr.audit-anchors}. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
@Tag(name = "Audit", description = "The tamper-evident audit trail")
@SecurityRequirement(name = "staffBasic")
@SecurityRequirement(name = "staffBearer")
public class AuditResource {

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    private final AuditVerifier verifier;

    public AuditResource(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Path("verify")
    @Operation(summary = "Verify the hash chain of the whole audit log and name the first broken entry;"
            + " with an anchor from dsr.audit-anchors, also that the log still holds the anchored hash")
    @APIResponse(responseCode = "200", description = "The report; intact=false names the first broken entry")
    @APIResponse(responseCode = "400", description = "Only one of anchorSeq and anchorHash, or a malformed one")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a staff role")
    public AuditVerifier.Report verify(
            @Parameter(description = "seq of an anchor event") @QueryParam("anchorSeq") Long anchorSeq,
            @Parameter(description = "entryHash of the same anchor event (64 hex digits)") @QueryParam("anchorHash")
            String anchorHash) {
        if (anchorSeq == null && anchorHash == null) {
            return verifier.verify();
        }
        if (anchorSeq == null || anchorSeq < 1) {
            throw ProblemException.invalid("An anchor needs its seq and its hash",
                    new FieldViolation("anchorSeq", "must be a positive number, given with anchorHash"));
        }
        if (anchorHash == null || !HASH.matcher(anchorHash).matches()) {
            throw ProblemException.invalid("An anchor needs its seq and its hash",
                    new FieldViolation("anchorHash", "must be 64 hexadecimal digits, given with anchorSeq"));
        }
        return verifier.verify(anchorSeq, anchorHash);
    }
}
