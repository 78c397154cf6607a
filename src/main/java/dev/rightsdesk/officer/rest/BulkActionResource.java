package dev.rightsdesk.officer.rest;

import dev.rightsdesk.officer.action.ActionRequests.BulkApproval;
import dev.rightsdesk.officer.action.ActionRequests.BulkAssignment;
import dev.rightsdesk.officer.action.ActionRequests.BulkClosure;
import dev.rightsdesk.officer.action.ActionRequests.BulkRefusal;
import dev.rightsdesk.officer.action.BulkActions;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Approve, refuse or close many tickets at once (spam, duplicates). Its own class with a literal path, so that
 * {@code bulk} is never taken for a ticket id.
 */
@Path(TicketQueueResource.PATH + "/bulk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN})
@Tag(name = "Tickets")
@SecurityRequirement(name = "staffBasic")
@SecurityRequirement(name = "staffBearer")
@APIResponse(responseCode = "400", description = "No ids, too many ids, or a field missing")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "The role may not do this (auditors read only)")
public class BulkActionResource {

    private final BulkActions bulk;
    private final SecurityIdentity identity;

    public BulkActionResource(BulkActions bulk, SecurityIdentity identity) {
        this.bulk = bulk;
        this.identity = identity;
    }

    @POST
    @Path("approval")
    @Operation(summary = "Approve many tickets; each is done or refused on its own")
    @APIResponse(responseCode = "200", description = "The outcome per ticket")
    public BulkActions.Result bulkApproval(BulkApproval request) {
        return bulk.approve(require(request), identity.getPrincipal().getName());
    }

    @POST
    @Path("refusal")
    @Operation(summary = "Refuse many tickets in whole (spam, duplicates), with grounds and reasons")
    @APIResponse(responseCode = "200", description = "The outcome per ticket")
    public BulkActions.Result bulkRefusal(BulkRefusal request) {
        return bulk.refuse(require(request), identity.getPrincipal().getName());
    }

    @POST
    @Path("assignment")
    @Operation(summary = "Assign many tickets to one user ('me': the caller; null: unassign)")
    @APIResponse(responseCode = "200", description = "The outcome per ticket")
    public BulkActions.Result bulkAssignment(BulkAssignment request) {
        BulkAssignment body = require(request);
        String me = identity.getPrincipal().getName();
        return bulk.assign(new BulkAssignment(body.ids(), "me".equals(body.assignee()) ? me : body.assignee()), me);
    }

    @POST
    @Path("closure")
    @Operation(summary = "Close many tickets with the same answer")
    @APIResponse(responseCode = "200", description = "The outcome per ticket")
    public BulkActions.Result bulkClosure(BulkClosure request) {
        return bulk.close(require(request), identity.getPrincipal().getName());
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw ProblemException.invalid("The request body is empty", new FieldViolation("body", "is required"));
        }
        return body;
    }
}
