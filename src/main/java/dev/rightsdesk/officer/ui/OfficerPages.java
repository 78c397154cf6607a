package dev.rightsdesk.officer.ui;

import dev.rightsdesk.officer.OfficerConfig;
import dev.rightsdesk.officer.detail.TicketView;
import dev.rightsdesk.officer.detail.TicketViews;
import dev.rightsdesk.officer.queue.QueueFilter;
import dev.rightsdesk.officer.queue.QueuePage;
import dev.rightsdesk.officer.queue.TicketQueue;
import dev.rightsdesk.officer.rest.StaffApi;
import dev.rightsdesk.officer.ui.UiModels.Chrome;
import dev.rightsdesk.officer.ui.UiModels.FilterForm;
import dev.rightsdesk.officer.ui.UiModels.StatusCount;
import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.platform.security.StaffSessions;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketStatus;
import dev.rightsdesk.ticket.audit.TrailExport;
import dev.rightsdesk.ticket.decision.RefusalGround;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The officer's pages, rendered on the server: the queue, one ticket with its action forms, registering a
 * request from another channel, and the sign-in page. The forms post to {@link OfficerForms} and {@link QueueForms}.
 */
@Path("/officer")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
public class OfficerPages {

    @CheckedTemplate(basePath = "officer")
    static class Templates {
        static native TemplateInstance login(boolean error, boolean signedOut);

        static native TemplateInstance queue(Chrome chrome, QueuePage page, FilterForm filter, List<StatusCount> counts,
                String message, Problem problem, List<RefusalGround> grounds);

        static native TemplateInstance ticket(Chrome chrome, TicketView ticket, String message, Problem problem,
                List<RefusalGround> grounds, String details);

        static native TemplateInstance register(Chrome chrome, Problem problem, List<RequestType> types, String today);
    }

    private final TicketQueue queue;
    private final TicketViews views;
    private final TrailExport trail;
    private final OfficerConfig config;
    private final SecurityIdentity identity;
    private final StaffSessions sessions;

    public OfficerPages(TicketQueue queue, TicketViews views, TrailExport trail, OfficerConfig config,
            SecurityIdentity identity, StaffSessions sessions) {
        this.sessions = sessions;
        this.queue = queue;
        this.views = views;
        this.trail = trail;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    @Path("login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("signedOut") String signedOut) {
        return Templates.login(error != null, signedOut != null);
    }

    @POST
    @Operation(hidden = true)
    @Path("logout")
    public Response logout(@CookieParam(StaffSessions.COOKIE) String session) {
        // The server-side session ends first: the sign-in cookie alone no longer opens anything, on any replica,
        // even if the browser (or whoever copied it) keeps it. Then both cookies are expired in the browser.
        sessions.revoke(session);
        return Response.seeOther(URI.create("/officer/login?signedOut=true"))
                .cookie(expired("quarkus-credential"), expired(StaffSessions.COOKIE)).build();
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).path("/").maxAge(0).httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .value("").build();
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("overdue") String overdue, @QueryParam("dueWithinDays") String dueWithinDays,
            @QueryParam("assignee") String assignee, @QueryParam("flagged") String flagged,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("done") String done,
            @QueryParam("bulkDone") String bulkDone, @QueryParam("bulkRefused") String bulkRefused,
            @QueryParam("bulkError") String bulkError) {
        FilterForm form = new FilterForm(blank(status), blank(type), "true".equals(overdue), blank(dueWithinDays),
                blank(assignee), "true".equals(flagged));
        Problem problem = null;
        QueuePage result;
        try {
            String who = "me".equals(form.assignee()) ? identity.getPrincipal().getName() : form.assignee();
            result = queue.page(new QueueFilter(StaffApi.enums(listOf(form.status()), TicketStatus.class, "status"),
                    StaffApi.enums(listOf(form.type()), RequestType.class, "type"), form.overdue() ? Boolean.TRUE : null,
                    StaffApi.days(form.dueWithinDays(), "dueWithinDays"), who, form.flagged() ? Boolean.TRUE : null,
                    Math.max(0, StaffApi.days(page, "page") == null ? 0 : StaffApi.days(page, "page")), config.pageSize()));
        } catch (ProblemException e) {
            problem = Problem.of(e);
            form = new FilterForm(null, null, false, null, null, false);
            result = queue.page(new QueueFilter(List.of(), List.of(), null, null, null, null, 0, config.pageSize()));
        }
        String message = OfficerForms.doneMessage(done);
        if ("bulk".equals(done)) {
            message = "Bulk action: " + StaffApi.days(bulkDone, "bulkDone") + " done, "
                    + StaffApi.days(bulkRefused, "bulkRefused") + " refused (see each ticket's timeline).";
        }
        if (bulkError != null && problem == null && QueueForms.BULK_ERRORS.containsKey(bulkError)) {
            problem = Problem.of(400, "bulk-refused", "The bulk action was not done", QueueForms.BULK_ERRORS.get(bulkError));
        }
        List<StatusCount> counts = new ArrayList<>();
        result.countsByStatus().forEach((s, n) -> counts.add(new StatusCount(s.name(), Labels.label(s), n,
                "/officer?status=" + s.name())));
        return Templates.queue(Chrome.of(identity), result, form, counts, message, problem,
                List.of(RefusalGround.values()));
    }

    @GET
    @Operation(hidden = true)
    @Path("tickets/{id}")
    public TemplateInstance ticket(@PathParam("id") String id, @QueryParam("done") String done) {
        TicketView view = views.of(StaffApi.ticketId(id), identity);
        return page(Chrome.of(identity), view, OfficerForms.doneMessage(done), null);
    }

    @GET
    @Operation(hidden = true)
    @Path("tickets/{id}/audit.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response auditExport(@PathParam("id") String id) {
        UUID ticketId = StaffApi.ticketId(id);
        views.of(ticketId, identity);
        return Response.ok(trail.of(ticketId, identity.getPrincipal().getName()))
                .header("Content-Disposition", "attachment; filename=\"audit-" + ticketId + ".json\"").build();
    }

    @GET
    @Operation(hidden = true)
    @Path("register")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    public TemplateInstance register() {
        return registerPage(Chrome.of(identity), null);
    }

    static TemplateInstance page(Chrome chrome, TicketView view, String message, Problem problem) {
        return Templates.ticket(chrome, view, message, problem, List.of(RefusalGround.values()),
                view.details() == null || view.details().isEmpty() ? null : view.details().toPrettyString());
    }

    static TemplateInstance registerPage(Chrome chrome, Problem problem) {
        return Templates.register(chrome, problem, List.of(RequestType.values()),
                java.time.LocalDateTime.now(Labels.ZONE).withSecond(0).withNano(0).toString());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
