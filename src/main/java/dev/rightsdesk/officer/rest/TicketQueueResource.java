package dev.rightsdesk.officer.rest;

import dev.rightsdesk.officer.action.ActionRequests.Registration;
import dev.rightsdesk.officer.action.TicketRegistration;
import dev.rightsdesk.officer.detail.TicketViews;
import dev.rightsdesk.officer.queue.QueueFilter;
import dev.rightsdesk.officer.queue.QueuePage;
import dev.rightsdesk.officer.queue.TicketQueue;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The officer's queue: list and filter tickets, register a request from another channel. */
@Path(TicketQueueResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
@Tag(name = "Tickets", description = "The privacy officer's queue and actions (staff only)")
@SecurityRequirement(name = "staffBasic")
@SecurityRequirement(name = "staffBearer")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "The role may not do this (auditors read only)")
public class TicketQueueResource {

    public static final String PATH = "/api/v1/tickets";

    private final TicketQueue queue;
    private final TicketRegistration registration;
    private final TicketViews views;
    private final SecurityIdentity identity;

    public TicketQueueResource(TicketQueue queue, TicketRegistration registration, TicketViews views,
            SecurityIdentity identity) {
        this.queue = queue;
        this.registration = registration;
        this.views = views;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The queue, ordered by effective due date, with counts per status")
    @APIResponse(responseCode = "200", description = "One page of tickets (no personal data)")
    @APIResponse(responseCode = "400", description = "A filter value is not valid")
    public QueuePage list(
            @Parameter(description = "Statuses (repeat or comma-separate); default: every open status")
            @QueryParam("status") List<String> status,
            @Parameter(description = "Request types (ACCESS, RECTIFICATION, ERASURE, OBJECTION)")
            @QueryParam("type") List<String> type,
            @Parameter(description = "true: past the effective due date; false: not yet")
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Due within this many days from today (overdue included)")
            @QueryParam("dueWithinDays") String dueWithinDays,
            @Parameter(description = "A user name, 'me', or 'none' for unassigned tickets")
            @QueryParam("assignee") String assignee,
            @Parameter(description = "true: a system failed or the ticket was escalated")
            @QueryParam("flagged") String flagged,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("0") int size) {
        if (page < 0 || size < 0) {
            throw ProblemException.invalid("Paging cannot be negative",
                    new FieldViolation(page < 0 ? "page" : "size", "must not be negative"));
        }
        String who = "me".equals(assignee) ? identity.getPrincipal().getName() : assignee;
        return queue.page(new QueueFilter(StaffApi.enums(status, TicketStatus.class, "status"),
                StaffApi.enums(type, RequestType.class, "type"), StaffApi.bool(overdue, "overdue"),
                StaffApi.days(dueWithinDays, "dueWithinDays"), who, StaffApi.bool(flagged, "flagged"), page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Register a request received by e-mail, post or phone; the clock runs from its receipt")
    @APIResponse(responseCode = "201", description = "Registered; Location is the ticket")
    @APIResponse(responseCode = "400", description = "Invalid input (problem+json naming the fields)")
    public Response register(Registration request) {
        if (request == null) {
            throw ProblemException.invalid("The request body is empty", new FieldViolation("body", "is required"));
        }
        var ticket = registration.register(request, identity.getPrincipal().getName());
        return Response.created(URI.create(PATH + "/" + ticket.id)).entity(views.of(ticket.id, identity)).build();
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw ProblemException.invalid("The request body is empty", new FieldViolation("body", "is required"));
        }
        return body;
    }
}
