package dev.rightsdesk.officer.ui;

import dev.rightsdesk.officer.OfficerConfig;
import dev.rightsdesk.ticket.decision.RefusalGround;
import dev.rightsdesk.officer.queue.QueueFilter;
import dev.rightsdesk.officer.queue.QueuePage;
import dev.rightsdesk.officer.queue.TicketQueue;
import dev.rightsdesk.officer.rest.StaffApi;
import dev.rightsdesk.officer.rest.TicketQueueResource;
import dev.rightsdesk.officer.ui.UiModels.Chrome;
import dev.rightsdesk.officer.ui.UiModels.FilterForm;
import dev.rightsdesk.officer.ui.UiModels.StatusCount;
import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketReference;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.qute.TemplateInstance;
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
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The queue page. Filters without personal data are query parameters (bookmarkable, and the auto-refresh reloads
 * them); a search by e-mail, name or ticket is posted and answered in place, so it never lands in a URL, a
 * server log or the browser history.
 */
@Path("/officer")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
public class QueuePages {

    private final TicketQueue queue;
    private final OfficerConfig config;
    private final SecurityIdentity identity;
    private final boolean builtInUsers;

    public QueuePages(TicketQueue queue, OfficerConfig config, SecurityIdentity identity,
            @ConfigProperty(name = "rightsdesk.security.built-in-users", defaultValue = "false") boolean builtInUsers) {
        this.queue = queue;
        this.config = config;
        this.identity = identity;
        this.builtInUsers = builtInUsers;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("overdue") String overdue, @QueryParam("dueWithinDays") String dueWithinDays,
            @QueryParam("assignee") String assignee, @QueryParam("flagged") String flagged,
            @QueryParam("sort") String sort, @QueryParam("order") String order, @QueryParam("refresh") String refresh,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("done") String done,
            @QueryParam("bulkDone") String bulkDone, @QueryParam("bulkRefused") String bulkRefused,
            @QueryParam("bulkError") String bulkError) {
        FilterForm form = new FilterForm(blank(status), blank(type), "true".equals(overdue), blank(dueWithinDays),
                blank(assignee), "true".equals(flagged), null, blank(sort), blank(order), "true".equals(refresh));
        String message = OfficerForms.doneMessage(done);
        if ("bulk".equals(done)) {
            message = "Bulk action: " + StaffApi.days(bulkDone, "bulkDone") + " done, "
                    + StaffApi.days(bulkRefused, "bulkRefused") + " refused (see each ticket's timeline).";
        }
        Problem problem = null;
        if (bulkError != null && QueueForms.BULK_ERRORS.containsKey(bulkError)) {
            problem = Problem.of(400, "bulk-refused", "The bulk action was not done", QueueForms.BULK_ERRORS.get(bulkError));
        }
        return render(form, page, message, problem);
    }

    /** The filter form: without a search it becomes a link (303); with one it is answered here, never redirected. */
    @POST
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@RestForm String q, @RestForm String status, @RestForm String type,
            @RestForm String overdue, @RestForm String dueWithinDays, @RestForm String assignee,
            @RestForm String flagged, @RestForm String sort, @RestForm String order, @RestForm String refresh,
            @RestForm String page) {
        FilterForm form = new FilterForm(blank(status), blank(type), "true".equals(overdue), blank(dueWithinDays),
                blank(assignee), "true".equals(flagged), blank(q), blank(sort), blank(order), "true".equals(refresh));
        if (!form.searching()) {
            String query = form.query();
            return Response.seeOther(URI.create("/officer" + (query.isEmpty() ? "" : "?" + query))).build();
        }
        return Response.ok(render(form, page, null, null)).build();
    }

    private TemplateInstance render(FilterForm requested, String page, String message, Problem earlier) {
        FilterForm form = requested;
        Problem problem = earlier;
        QueuePage result;
        try {
            result = queue.page(filter(form, page), identity.hasRole(Roles.OFFICER));
        } catch (ProblemException e) {
            problem = Problem.of(e);
            form = FilterForm.empty();
            result = queue.page(filter(form, "0"), identity.hasRole(Roles.OFFICER));
        }
        List<StatusCount> counts = new ArrayList<>();
        result.countsByStatus().forEach((s, n) -> counts.add(new StatusCount(s.name(), Labels.label(s), n,
                "/officer?status=" + s.name())));
        return OfficerPages.Templates.queue(Chrome.of(identity), result, form, counts, message, problem,
                List.of(RefusalGround.values()), officers(), identity.hasRole(Roles.OFFICER));
    }

    private QueueFilter filter(FilterForm form, String page) {
        String who = "me".equals(form.assignee()) ? me() : form.assignee();
        String search = form.search();
        String email = null;
        String name = null;
        String ticket = null;
        if (search != null) {
            if (search.contains("@")) {
                email = search;
            } else if (looksLikeTicket(search)) {
                ticket = search;
            } else {
                name = search;
            }
        }
        Integer pageNumber = StaffApi.days(page, "page");
        return new QueueFilter(StaffApi.enums(listOf(form.status()), TicketStatus.class, "status"),
                StaffApi.enums(listOf(form.type()), RequestType.class, "type"), form.overdue() ? Boolean.TRUE : null,
                StaffApi.days(form.dueWithinDays(), "dueWithinDays"), who, form.flagged() ? Boolean.TRUE : null,
                pageNumber == null ? 0 : pageNumber, config.pageSize(), email, name, ticket,
                TicketQueueResource.sort(form.sort()), TicketQueueResource.descending(form.order()));
    }

    /** A reference, an id or an id's start; a digit tells a hex id from a name such as "Bea" or "Fabe". */
    static boolean looksLikeTicket(String search) {
        String s = search.trim();
        return TicketReference.range(s).isPresent()
                && (s.toUpperCase().startsWith(TicketReference.PREFIX) || s.chars().anyMatch(Character::isDigit));
    }

    /** The names the assignee pickers offer: me, the configured team, the built-in officers, everyone assigned now. */
    private List<String> officers() {
        TreeSet<String> names = new TreeSet<>();
        names.add(me());
        config.knownOfficers().ifPresent(names::addAll);
        if (builtInUsers) {
            names.add("officer");
            names.add("admin");
        }
        names.addAll(queue.currentAssignees());
        names.removeIf(String::isBlank);
        return List.copyOf(names);
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
