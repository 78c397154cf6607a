package dev.rightsdesk.officer.rest;

import dev.rightsdesk.officer.action.ActionRequests.Registration;
import dev.rightsdesk.officer.action.TicketRegistration;
import dev.rightsdesk.officer.detail.TicketViews;
import dev.rightsdesk.officer.queue.QueueFilter;
import dev.rightsdesk.officer.queue.QueuePage;
import dev.rightsdesk.officer.queue.QueueSort;
import dev.rightsdesk.officer.queue.TicketQueue;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
    @Operation(summary = "The queue, with counts per status; filter, sort and page it",
            description = "Rows carry the subject's name and e-mail for the officer role only. To search by the"
                    + " subject's e-mail or name use POST /api/v1/tickets/search: personal data never goes in a URL.")
    @APIResponse(responseCode = "200", description = "One page of tickets")
    @APIResponse(responseCode = "400", description = "A filter value is not valid (problem+json naming it)")
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
            @Parameter(description = "A ticket id, a reference like RD-3F2A9C1B, or the first 6+ digits of an id")
            @QueryParam("ticket") String ticket,
            @Parameter(description = "Order by due (default: effective due date), received, status (in workflow"
                    + " order) or type") @QueryParam("sort") String sort,
            @Parameter(description = "asc (default) or desc") @QueryParam("order") String order,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, at most 200") @QueryParam("size") @DefaultValue("0") int size) {
        return search(new QueueSearch(null, null, ticket, status, type, StaffApi.bool(overdue, "overdue"),
                StaffApi.days(dueWithinDays, "dueWithinDays"), assignee, StaffApi.bool(flagged, "flagged"), sort, order,
                page, size));
    }

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the queue by the subject's e-mail (exact) or name (part of it), with the queue's filters",
            description = "A POST so that personal data stays out of URLs and access logs. The answer is the same page"
                    + " as GET /api/v1/tickets.")
    @APIResponse(responseCode = "200", description = "One page of the tickets found")
    @APIResponse(responseCode = "400", description = "A field is not valid (problem+json naming it)")
    public QueuePage search(@Valid QueueSearch body) {
        QueueSearch q = require(body);
        int page = q.page() == null ? 0 : q.page();
        int size = q.size() == null ? 0 : q.size();
        if (page < 0 || size < 0) {
            throw ProblemException.invalid("Paging cannot be negative",
                    new FieldViolation(page < 0 ? "page" : "size", "must not be negative"));
        }
        String who = "me".equals(q.assignee()) ? identity.getPrincipal().getName() : q.assignee();
        return queue.page(new QueueFilter(StaffApi.enums(q.status(), TicketStatus.class, "status"),
                StaffApi.enums(q.type(), RequestType.class, "type"), q.overdue(), q.dueWithinDays(), who, q.flagged(),
                page, size, q.email(), q.name(), q.ticket(), sort(q.sort()), descending(q.order())),
                identity.hasRole(Roles.OFFICER));
    }

    /** {@code due}, {@code received}, {@code status} or {@code type}; due when absent. */
    public static QueueSort sort(String value) {
        if (value == null || value.isBlank()) {
            return QueueSort.DUE;
        }
        return StaffApi.enums(List.of(value), QueueSort.class, "sort").stream().findFirst().orElse(QueueSort.DUE);
    }

    /** {@code asc} or {@code desc}; ascending when absent. */
    public static boolean descending(String value) {
        if (value == null || value.isBlank() || "asc".equalsIgnoreCase(value.trim())) {
            return false;
        }
        if ("desc".equalsIgnoreCase(value.trim())) {
            return true;
        }
        throw ProblemException.invalid("Unknown order", new FieldViolation("order", "must be asc or desc"));
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
