package dev.rightsdesk.officer.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.ai.remediation.RemediationEvidence;
import dev.rightsdesk.ai.remediation.RemediationState;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.intake.SubjectIdentity;
import dev.rightsdesk.officer.action.ActionRequests;
import dev.rightsdesk.officer.action.BulkActions;
import dev.rightsdesk.officer.action.CaseWorkActions;
import dev.rightsdesk.officer.action.OfficerActions;
import dev.rightsdesk.officer.action.TicketRegistration;
import dev.rightsdesk.officer.decision.RefusalGround;
import dev.rightsdesk.officer.decision.RefusalScope;
import dev.rightsdesk.officer.detail.TicketViews;
import dev.rightsdesk.officer.rest.StaffApi;
import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.ticket.RequestType;
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
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
            Map.entry("manual-completion", "Task marked done."), Map.entry("remediation", "Remediation outcome recorded."),
            Map.entry("registration", "Request registered."), Map.entry("bulk", "Bulk action done."));

    private final OfficerActions actions;
    private final CaseWorkActions work;
    private final TicketRegistration registration;
    private final BulkActions bulk;
    private final TicketViews views;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public OfficerForms(OfficerActions actions, CaseWorkActions work, TicketRegistration registration, BulkActions bulk,
            TicketViews views, SecurityIdentity identity, ObjectMapper mapper) {
        this.actions = actions;
        this.work = work;
        this.registration = registration;
        this.bulk = bulk;
        this.views = views;
        this.identity = identity;
        this.mapper = mapper;
    }

    /** Why a bulk action was not done, by the code its redirect carries (never text from the request). */
    static final Map<String, String> BULK_ERRORS = Map.of(
            "choose-action", "Choose an action: approve, refuse or close.",
            "fields", "Select at least one ticket and fill in the reason or the answer.",
            "too-many", "Too many tickets at once.");

    static String doneMessage(String done) {
        return done == null ? null : DONE.get(done);
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/verification")
    public Response verification(@PathParam("id") String id, @RestForm String method, @RestForm String reason) {
        return act(id, "verification", t -> actions.verify(t, actor(), new ActionRequests.Verification(
                enumOrNull(ActionRequests.VerificationMethod.class, method, "method"), reason)));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/approval")
    public Response approval(@PathParam("id") String id, @RestForm String reason) {
        return act(id, "approval", t -> actions.approve(t, actor(), new ActionRequests.Approval(blank(reason))));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/refusal")
    public Response refusal(@PathParam("id") String id, @RestForm String scope, @RestForm List<String> grounds,
            @RestForm String reasons) {
        return act(id, "refusal", t -> actions.refuse(t, actor(), new ActionRequests.Refusal(
                enumOrNull(RefusalScope.class, scope, "scope"), StaffApi.enums(grounds, RefusalGround.class, "grounds"),
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
    public Response assignment(@PathParam("id") String id, @RestForm String assignee, @RestForm String reason) {
        return act(id, "assignment", t -> actions.assign(t, actor(),
                new ActionRequests.Assignment(blank(assignee), blank(reason))));
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
        return act(id, "closure", t -> actions.close(t, actor(), new ActionRequests.Closure(response, blank(reason))));
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
                new ActionRequests.TaskResend(blank(reason))));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/tasks/{taskId}/manual-completion")
    public Response manualCompletion(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @RestForm String outcome, @RestForm String evidence) {
        return act(id, "manual-completion", t -> work.completeTaskManually(t, StaffApi.uuid(taskId, "Task"), actor(),
                new ActionRequests.ManualCompletion(blank(outcome), evidence)));
    }

    @POST
    @Operation(hidden = true)
    @Path("tickets/{id}/remediations/{remediationId}/outcome")
    public Response remediation(@PathParam("id") String id, @PathParam("remediationId") String remediationId,
            @RestForm String state, @RestForm String newModelVersion, @RestForm String exclusionSnapshotVersion,
            @RestForm String expectedBy, @RestForm String assessment, @RestForm String reference,
            @RestForm String note) {
        return act(id, "remediation", t -> work.recordRemediationOutcome(t, StaffApi.uuid(remediationId, "Remediation"),
                actor(), new ActionRequests.RemediationOutcome(enumOrNull(RemediationState.class, state, "state"),
                        new RemediationEvidence(blank(newModelVersion), snapshotVersion(exclusionSnapshotVersion), null,
                                localDate(expectedBy), blank(assessment), blank(reference), blank(note)))));
    }

    @POST
    @Operation(hidden = true)
    @Path("register")
    public Response register(@RestForm String type, @RestForm String channel, @RestForm String receivedAt,
            @RestForm String email, @RestForm String name, @RestForm String locale, @RestForm String note,
            @RestForm String field, @RestForm String currentValue, @RestForm String correctedValue,
            @RestForm String ground, @RestForm String basis, @RestForm String purposes, @RestForm String grounds) {
        try {
            RequestType requestType = enumOrNull(RequestType.class, type, "type");
            var ticket = registration.register(new ActionRequests.Registration(requestType,
                    enumOrNull(ActionRequests.Channel.class, channel, "channel"), localInstant(receivedAt),
                    new SubjectIdentity(email == null ? null : email.trim(), blank(name), Map.of()),
                    details(requestType, field, currentValue, correctedValue, ground, basis, purposes, grounds),
                    blank(locale), blank(note)), actor());
            return Response.seeOther(URI.create("/officer/tickets/" + ticket.id + "?done=registration")).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(OfficerPages.registerPage(UiModels.Chrome.of(identity), Problem.of(e))).build();
        } catch (ConstraintViolationException e) {
            Problem p = invalid(e);
            return Response.status(400).entity(OfficerPages.registerPage(UiModels.Chrome.of(identity), p)).build();
        }
    }

    @POST
    @Operation(hidden = true)
    @Path("bulk")
    public Response bulkAction(@RestForm String action, @RestForm List<String> ids, @RestForm String ground,
            @RestForm String text) {
        List<UUID> tickets = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            tickets.add(StaffApi.ticketId(id));
        }
        BulkActions.Result result;
        try {
            result = switch (action == null ? "" : action) {
                case "approval" -> bulk.approve(new ActionRequests.BulkApproval(tickets, blank(text)), actor());
                case "refusal" -> bulk.refuse(new ActionRequests.BulkRefusal(tickets,
                        StaffApi.enums(ground == null ? List.of() : List.of(ground), RefusalGround.class, "ground"), text), actor());
                case "closure" -> bulk.close(new ActionRequests.BulkClosure(tickets, text), actor());
                default -> throw ProblemException.invalid("Choose an action",
                        new FieldViolation("action", "must be approval, refusal or closure"));
            };
        } catch (ProblemException e) {
            String code = e.violations().stream().anyMatch(v -> v.field().equals("action")) ? "choose-action"
                    : e.violations().stream().anyMatch(v -> v.field().equals("ids")) ? "too-many" : "fields";
            return Response.seeOther(URI.create("/officer?bulkError=" + code)).build();
        } catch (ConstraintViolationException e) {
            return Response.seeOther(URI.create("/officer?bulkError=fields")).build();
        }
        return Response.seeOther(URI.create("/officer?done=bulk&bulkDone=" + result.done() + "&bulkRefused="
                + result.refused())).build();
    }

    private Response act(String id, String action, java.util.function.Function<UUID, Object> run) {
        UUID ticketId = StaffApi.ticketId(id);
        try {
            run.apply(ticketId);
        } catch (ProblemException e) {
            return refused(ticketId, e.status(), Problem.of(e));
        } catch (ConstraintViolationException e) {
            return refused(ticketId, 400, invalid(e));
        }
        return Response.seeOther(URI.create("/officer/tickets/" + ticketId + "?done=" + action)).build();
    }

    private Response refused(UUID ticketId, int status, Problem problem) {
        return Response.status(status).entity(OfficerPages.page(UiModels.Chrome.of(identity), views.of(ticketId, identity), null, problem)).build();
    }

    private static Problem invalid(ConstraintViolationException e) {
        List<FieldViolation> fields = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            fields.add(new FieldViolation(path.substring(path.lastIndexOf('.') + 1), v.getMessage()));
        });
        return new Problem(Problem.TYPE_BASE + "invalid-request", "The request is not valid", 400,
                "One or more fields are not valid", fields);
    }

    private ObjectNode details(RequestType type, String field, String currentValue, String correctedValue, String ground,
            String basis, String purposes, String grounds) {
        ObjectNode node = mapper.createObjectNode();
        if (type == RequestType.RECTIFICATION) {
            ObjectNode correction = node.putArray("corrections").addObject();
            correction.put("field", blank(field));
            correction.put("currentValue", blank(currentValue));
            correction.put("correctedValue", blank(correctedValue));
        } else if (type == RequestType.ERASURE && blank(ground) != null) {
            node.put("ground", ground.trim());
        } else if (type == RequestType.OBJECTION) {
            node.put("basis", blank(basis));
            ArrayNode list = node.putArray("purposes");
            for (String p : purposes == null ? new String[0] : purposes.split(",")) {
                if (!p.isBlank()) {
                    list.add(p.trim());
                }
            }
            if (blank(grounds) != null) {
                node.put("grounds", grounds.trim());
            }
        }
        return node;
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

    /** A {@code datetime-local} value, read in the controller's zone. */
    private static java.time.Instant localInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(Labels.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("The receipt time is not a date and time",
                    new FieldViolation("receivedAt", "must be a date and time"));
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<E> parsed = StaffApi.enums(List.of(value), type, field);
        return parsed.isEmpty() ? null : parsed.get(0);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
