package dev.rightsdesk.officer.rest;

import dev.rightsdesk.officer.action.ActionRequests.Approval;
import dev.rightsdesk.officer.action.ActionRequests.Assignment;
import dev.rightsdesk.officer.action.ActionRequests.Closure;
import dev.rightsdesk.officer.action.ActionRequests.Extension;
import dev.rightsdesk.officer.action.ActionRequests.ManualCompletion;
import dev.rightsdesk.officer.action.ActionRequests.Note;
import dev.rightsdesk.officer.action.ActionRequests.ObjectionDecisionRequest;
import dev.rightsdesk.officer.action.ActionRequests.Refusal;
import dev.rightsdesk.officer.action.ActionRequests.RemediationOutcome;
import dev.rightsdesk.officer.action.ActionRequests.TaskResend;
import dev.rightsdesk.officer.action.ActionRequests.Verification;
import dev.rightsdesk.officer.action.CaseWorkActions;
import dev.rightsdesk.officer.action.OfficerActions;
import dev.rightsdesk.officer.detail.TicketView;
import dev.rightsdesk.officer.detail.TicketViews;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.ticket.audit.AuditSealer;
import dev.rightsdesk.ticket.audit.TrailExport;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One ticket: its detail, its audit trail, and one {@code POST} per officer action. Every action answers the
 * ticket as it now stands, or a problem: 409 when the ticket's state forbids it, 422 when the law does.
 */
@Path(TicketQueueResource.PATH + "/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN})
@Tag(name = "Tickets")
@SecurityRequirement(name = "staffBasic")
@SecurityRequirement(name = "staffBearer")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "The role may not do this (auditors read only)")
@APIResponse(responseCode = "404", description = "No ticket with that id")
public class TicketResource {

    private final TicketViews views;
    private final OfficerActions actions;
    private final CaseWorkActions work;
    private final TrailExport trail;
    private final AuditSealer sealer;
    private final SecurityIdentity identity;

    public TicketResource(TicketViews views, OfficerActions actions, CaseWorkActions work, TrailExport trail,
            AuditSealer sealer, SecurityIdentity identity) {
        this.views = views;
        this.actions = actions;
        this.work = work;
        this.trail = trail;
        this.sealer = sealer;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The ticket: deadline, timeline, tasks, remediations; the subject for officers and auditors")
    @APIResponse(responseCode = "200", description = "The ticket")
    public TicketView get(@PathParam("id") String id) {
        return views.of(StaffApi.ticketId(id), identity);
    }

    @GET
    @Path("audit")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Export the ticket's audit trail (JSON), each entry's hash recomputed")
    @APIResponse(responseCode = "200", description = "The trail")
    public TrailExport.Trail audit(@PathParam("id") String id) {
        UUID ticketId = StaffApi.ticketId(id);
        views.of(ticketId, identity); // 404 for an unknown ticket
        return trail.of(ticketId, actor());
    }

    @POST
    @Path("verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a manual identity check (post, phone)")
    @APIResponse(responseCode = "200", description = "Verified; the ticket")
    @APIResponse(responseCode = "409", description = "Already verified, or the ticket is closed")
    public TicketView verification(@PathParam("id") String id, Verification body) {
        return act(id, body, t -> actions.verify(t, actor(), body));
    }

    @POST
    @Path("approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve: the fan-out to the connected systems starts")
    @APIResponse(responseCode = "200", description = "Approved; the ticket")
    @APIResponse(responseCode = "409", description = "Not verified, or not waiting for review")
    public TicketView approval(@PathParam("id") String id, Approval body) {
        return act(id, body == null ? new Approval(null) : body, t -> actions.approve(t, actor(), body));
    }

    @POST
    @Path("refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refuse in whole or in part, with grounds and reasons; the complaint rights are added (D5)")
    @APIResponse(responseCode = "200", description = "Refused; the ticket")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    public TicketView refusal(@PathParam("id") String id, Refusal body) {
        return act(id, body, t -> actions.refuse(t, actor(), body));
    }

    @POST
    @Path("extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend by two months (D4): on or before the due date, with a reason the subject is told")
    @APIResponse(responseCode = "200", description = "Extended; the ticket with its new effective due date")
    @APIResponse(responseCode = "422", description = "Too late, already extended, or no reason")
    public TicketView extension(@PathParam("id") String id, Extension body) {
        return act(id, body == null ? new Extension(null) : body,
                t -> actions.extend(t, actor(), body == null ? new Extension(null) : body));
    }

    @POST
    @Path("assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign or reassign the ticket (assignee null: unassign)")
    @APIResponse(responseCode = "200", description = "Assigned; the ticket")
    public TicketView assignment(@PathParam("id") String id, Assignment body) {
        Assignment resolved = body == null || !"me".equals(body.assignee()) ? body : new Assignment(actor(), body.reason());
        return act(id, resolved, t -> actions.assign(t, actor(), resolved));
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note to the file (kept encrypted in the audit trail)")
    @APIResponse(responseCode = "201", description = "Added; the body names its audit entry")
    public Response notes(@PathParam("id") String id, Note body) {
        UUID ticketId = StaffApi.ticketId(id);
        long pendingId = actions.note(ticketId, actor(), require(body));
        // The note's transaction has committed; its entry gets its number when it is sealed into the chain.
        long seq = sealer.seqOf(pendingId);
        return Response.created(URI.create(TicketQueueResource.PATH + "/" + ticketId + "/audit"))
                .entity(Map.of("ticketId", ticketId, "auditSeq", seq)).build();
    }

    @POST
    @Path("closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close with the answer to the subject")
    @APIResponse(responseCode = "200", description = "Closed; the ticket")
    @APIResponse(responseCode = "409", description = "Tasks or remediations open, not verified, or already closed")
    public TicketView closure(@PathParam("id") String id, Closure body) {
        return act(id, body, t -> actions.close(t, actor(), body));
    }

    @POST
    @Path("objection-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the Art. 21(1) balancing: compelling legitimate grounds or not")
    @APIResponse(responseCode = "200", description = "Decided; the ticket")
    @APIResponse(responseCode = "409", description = "Already decided, not verified, or closed")
    @APIResponse(responseCode = "422", description = "Not an objection on legitimate interest (21(2)/(3) is absolute)")
    public TicketView objectionDecision(@PathParam("id") String id, ObjectionDecisionRequest body) {
        return act(id, body, t -> work.decideObjection(t, actor(), body));
    }

    @POST
    @Path("tasks/{taskId}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a task to its connected system again")
    @APIResponse(responseCode = "200", description = "Re-sent; the ticket")
    public TicketView resend(@PathParam("id") String id, @PathParam("taskId") String taskId, TaskResend body) {
        UUID task = StaffApi.uuid(taskId, "Task");
        return act(id, body == null ? new TaskResend(null) : body, t -> {
            work.resendTask(t, task, actor(), body == null ? new TaskResend(null) : body);
            return t;
        });
    }

    @POST
    @Path("identifiers/{type}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark an identifier the subject typed (e.g. customerId) as verified, with how it was checked;"
            + " connected systems may then look the subject up by it")
    @APIResponse(responseCode = "200", description = "Verified; the ticket")
    @APIResponse(responseCode = "409", description = "Already verified, or the ticket is closed")
    public TicketView identifierVerification(@PathParam("id") String id, @PathParam("type") String type,
            dev.rightsdesk.officer.action.ActionRequests.IdentifierVerification body) {
        return act(id, body, t -> work.verifyIdentifier(t, type, actor(), body));
    }

    @POST
    @Path("tasks/{taskId}/manual-completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a task done by hand, with evidence (systems without a connector)")
    @APIResponse(responseCode = "200", description = "Completed; the ticket")
    public TicketView manualCompletion(@PathParam("id") String id, @PathParam("taskId") String taskId,
            ManualCompletion body) {
        UUID task = StaffApi.uuid(taskId, "Task");
        return act(id, body, t -> {
            work.completeTaskManually(t, task, actor(), body);
            return t;
        });
    }

    @POST
    @Path("remediations/{remediationId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a model remediation's outcome with evidence")
    @APIResponse(responseCode = "200", description = "Recorded; the ticket")
    public TicketView remediationOutcome(@PathParam("id") String id, @PathParam("remediationId") String remediationId,
            RemediationOutcome body) {
        UUID remediation = StaffApi.uuid(remediationId, "Remediation");
        return act(id, body, t -> {
            work.recordRemediationOutcome(t, remediation, actor(), body);
            return t;
        });
    }

    /** Runs the action (its own transaction, in the service) and answers the ticket as it now stands. */
    private TicketView act(String id, Object body, Function<UUID, Object> action) {
        UUID ticketId = StaffApi.ticketId(id);
        require(body);
        action.apply(ticketId);
        return views.of(ticketId, identity);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw ProblemException.invalid("The request body is empty", new FieldViolation("body", "is required"));
        }
        return body;
    }
}
