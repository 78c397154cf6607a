package dev.rightsdesk.officer.ui;

import dev.rightsdesk.ai.remediation.RemediationEvidence;
import dev.rightsdesk.ai.remediation.RemediationState;
import dev.rightsdesk.officer.action.ActionRequests;
import dev.rightsdesk.officer.action.CaseWorkActions;
import dev.rightsdesk.officer.action.OfficerActions;
import dev.rightsdesk.officer.detail.TicketViews;
import dev.rightsdesk.officer.rest.StaffApi;
import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.ticket.decision.RefusalGround;
import dev.rightsdesk.ticket.decision.RefusalScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The officer's action forms. Each posts here, runs the same service as the API, and answers with a redirect
 * back to the ticket (post/redirect/get) or, when refused, the ticket page again with the problem shown and the
 * problem's status code.
 */
@Path("/officer")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN})
public class OfficerForms {

    /** What a redirect's {@code done} parameter says on the page. */
    static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("verification", "Identity verified."), Map.entry("approval", "Approved: the systems are being asked."),
            Map.entry("refusal", "Refusal recorded; the subject will be told with the complaint rights."),
            Map.entry("extension", "Deadline extended; the subject will be told the reason."),
            Map.entry("assignment", "Assignment saved."), Map.entry("notes", "Note added."),
            Map.entry("closure", "Closed; the answer will be sent to the subject."),
            Map.entry("objection-decision", "Decision recorded."), Map.entry("resend", "Task sent again."),
            Map.entry("identifier-verification", "Identifier marked verified."),
            Map.entry("manual-completion", "Task marked done."), Map.entry("remediation", "Remediation outcome recorded."),
            Map.entry("registration", "Request registered."));

    private final OfficerActions actions;
    private final CaseWorkActions work;
    private final TicketViews views;
    private final SecurityIdentity identity;

    public OfficerForms(OfficerActions actions, CaseWorkActions work, TicketViews views, SecurityIdentity identity) {
        this.actions = actions;
        this.work = work;
        this.views = views;
        this.identity = identity;
    }

    static String doneMessage(String done) {
        return done == null ? null : DONE.get(done);
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/verification")
    public Response verification(@PathParam("id") String id, @RestForm String method, @RestForm String reason) {
        return act(id, "verification", t -> actions.verify(t, actor(), new ActionRequests.Verification(
                FormValues.enumOrNull(ActionRequests.VerificationMethod.class, method, "method"), reason)));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/approval")
    public Response approval(@PathParam("id") String id, @RestForm String reason) {
        return act(id, "approval", t -> actions.approve(t, actor(), new ActionRequests.Approval(FormValues.blank(reason))));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/refusal")
    public Response refusal(@PathParam("id") String id, @RestForm String scope, @RestForm List<String> grounds,
            @RestForm String reasons) {
        return act(id, "refusal", t -> actions.refuse(t, actor(), new ActionRequests.Refusal(
                FormValues.enumOrNull(RefusalScope.class, scope, "scope"), StaffApi.enums(grounds, RefusalGround.class, "grounds"),
                reasons)));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/extension")
    public Response extension(@PathParam("id") String id, @RestForm String reason) {
        return act(id, "extension", t -> actions.extend(t, actor(), new ActionRequests.Extension(reason)));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/assignment")
    public Response assignment(@PathParam("id") String id, @RestForm String assignee, @RestForm String reason,
            @RestForm String assignToMe) {
        String who = "true".equals(assignToMe) || "me".equals(FormValues.blank(assignee)) ? actor()
                : FormValues.blank(assignee);
        return act(id, "assignment", t -> actions.assign(t, actor(),
                new ActionRequests.Assignment(who, FormValues.blank(reason))));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/notes")
    public Response notes(@PathParam("id") String id, @RestForm String text) {
        return act(id, "notes", t -> actions.note(t, actor(), new ActionRequests.Note(text)));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/closure")
    public Response closure(@PathParam("id") String id, @RestForm String response, @RestForm String reason) {
        return act(id, "closure", t -> actions.close(t, actor(), new ActionRequests.Closure(response, FormValues.blank(reason))));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/objection-decision")
    public Response objectionDecision(@PathParam("id") String id, @RestForm String compellingGrounds,
            @RestForm String reasons) {
        return act(id, "objection-decision", t -> work.decideObjection(t, actor(), new ActionRequests.ObjectionDecisionRequest(
                StaffApi.bool(compellingGrounds, "compellingGrounds"), reasons)));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/tasks/{taskId}/resend")
    public Response resend(@PathParam("id") String id, @PathParam("taskId") String taskId, @RestForm String reason) {
        return act(id, "resend", t -> work.resendTask(t, StaffApi.uuid(taskId, "Task"), actor(),
                new ActionRequests.TaskResend(FormValues.blank(reason))));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/identifiers/{type}/verification")
    public Response identifierVerification(@PathParam("id") String id, @PathParam("type") String type,
            @RestForm String reason) {
        return act(id, "identifier-verification", t -> work.verifyIdentifier(t, type, actor(),
                new ActionRequests.IdentifierVerification(FormValues.blank(reason))));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/tasks/{taskId}/manual-completion")
    public Response manualCompletion(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @RestForm String outcome, @RestForm String evidence) {
        return act(id, "manual-completion", t -> work.completeTaskManually(t, StaffApi.uuid(taskId, "Task"), actor(),
                new ActionRequests.ManualCompletion(FormValues.blank(outcome), evidence)));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/remediations/{remediationId}/outcome")
    public Response remediation(@PathParam("id") String id, @PathParam("remediationId") String remediationId,
            @RestForm String state, @RestForm String newModelVersion, @RestForm String exclusionSnapshotVersion,
            @RestForm String expectedBy, @RestForm String assessment, @RestForm String reference,
            @RestForm String note) {
        return act(id, "remediation", t -> work.recordRemediationOutcome(t, StaffApi.uuid(remediationId, "Remediation"),
                actor(), new ActionRequests.RemediationOutcome(FormValues.enumOrNull(RemediationState.class, state, "state"),
                        new RemediationEvidence(FormValues.blank(newModelVersion), snapshotVersion(exclusionSnapshotVersion), null,
                                localDate(expectedBy), FormValues.blank(assessment), FormValues.blank(reference), FormValues.blank(note)))));
    }

    private Response act(String id, String action, java.util.function.Function<UUID, Object> run) {
        UUID ticketId = StaffApi.ticketId(id);
        try {
            run.apply(ticketId);
        } catch (ProblemException e) {
            return refused(ticketId, e.status(), Problem.of(e));
        } catch (ConstraintViolationException e) {
            return refused(ticketId, 400, FormValues.invalid(e));
        }
        return Response.seeOther(URI.create("/officer/tickets/" + ticketId + "?done=" + action)).build();
    }

    private Response refused(UUID ticketId, int status, Problem problem) {
        return Response.status(status).entity(OfficerPages.page(UiModels.Chrome.of(identity), views.of(ticketId, identity), null, problem)).build();
    }

    private static Long snapshotVersion(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Not a snapshot version",
                    new FieldViolation("exclusionSnapshotVersion", "must be a whole number"));
        }
    }

    private static java.time.LocalDate localDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("Not a date", new FieldViolation("expectedBy", "must be a date"));
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
