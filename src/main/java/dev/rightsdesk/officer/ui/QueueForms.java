package dev.rightsdesk.officer.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.officer.action.ActionRequests;
import dev.rightsdesk.officer.action.BulkActions;
import dev.rightsdesk.officer.action.TicketRegistration;
import dev.rightsdesk.officer.rest.StaffApi;
import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.SubjectIdentity;
import dev.rightsdesk.ticket.decision.RefusalGround;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** The forms that make tickets or act on many: registering a request from another channel, bulk actions. */
@Path("/officer")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN})
public class QueueForms {

    /** Why a bulk action was not done, by the code its redirect carries (never text from the request). */
    static final Map<String, String> BULK_ERRORS = Map.of(
            "choose-action", "Choose an action: approve, assign, refuse or close.",
            "fields", "Select at least one ticket and fill in what the action needs: a ground and reasons to refuse,"
                    + " the answer to close, a user name to assign.",
            "too-many", "Too many tickets at once.");

    private final TicketRegistration registration;
    private final BulkActions bulk;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public QueueForms(TicketRegistration registration, BulkActions bulk, SecurityIdentity identity, ObjectMapper mapper) {
        this.registration = registration;
        this.bulk = bulk;
        this.identity = identity;
        this.mapper = mapper;
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
            Problem p = FormValues.invalid(e);
            return Response.status(400).entity(OfficerPages.registerPage(UiModels.Chrome.of(identity), p)).build();
        }
    }

    @POST
    @Operation(hidden = true)
    @Path("bulk")
    public Response bulkAction(@RestForm String action, @RestForm List<String> ids, @RestForm String ground,
            @RestForm String text, @RestForm String assignee) {
        List<UUID> tickets = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            tickets.add(StaffApi.ticketId(id));
        }
        BulkActions.Result result;
        try {
            result = switch (action == null ? "" : action) {
                case "approval" -> bulk.approve(new ActionRequests.BulkApproval(tickets, blank(text)), actor());
                case "assign-me" -> bulk.assign(new ActionRequests.BulkAssignment(tickets, actor()), actor());
                case "assignment" -> bulk.assign(new ActionRequests.BulkAssignment(tickets,
                        "me".equals(blank(assignee)) ? actor() : requireName(assignee)), actor());
                case "refusal" -> bulk.refuse(new ActionRequests.BulkRefusal(tickets,
                        StaffApi.enums(ground == null ? List.of() : List.of(ground), RefusalGround.class, "ground"), text), actor());
                case "closure" -> bulk.close(new ActionRequests.BulkClosure(tickets, text, null), actor());
                default -> throw ProblemException.invalid("Choose an action",
                        new FieldViolation("action", "must be approval, assign-me, assignment, refusal or closure"));
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

    /** A bulk assignment names someone; unassigning many at once is done ticket by ticket. */
    private static String requireName(String assignee) {
        if (blank(assignee) == null) {
            throw ProblemException.invalid("Name who gets the tickets", new FieldViolation("assignee", "is required"));
        }
        return assignee.trim();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value, String field) {
        return FormValues.enumOrNull(type, value, field);
    }

    private static String blank(String value) {
        return FormValues.blank(value);
    }
}
