package dev.rightsdesk.officer.ui;

import dev.rightsdesk.officer.OfficerConfig;
import dev.rightsdesk.officer.detail.TicketView;
import dev.rightsdesk.officer.detail.TicketViews;
import dev.rightsdesk.officer.queue.QueuePage;
import dev.rightsdesk.officer.rest.StaffApi;
import dev.rightsdesk.officer.ui.UiModels.Chrome;
import dev.rightsdesk.officer.ui.UiModels.FilterForm;
import dev.rightsdesk.officer.ui.UiModels.StatusCount;
import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.platform.security.StaffSessions;
import dev.rightsdesk.ticket.RequestType;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The officer's pages, rendered on the server (the queue is {@link QueuePages}): one ticket with its action forms, registering a
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
                String message, Problem problem, List<RefusalGround> grounds, List<String> officers,
                boolean showsSubject);

        static native TemplateInstance ticket(Chrome chrome, TicketView ticket, String message, Problem problem,
                List<RefusalGround> grounds, String details);

        static native TemplateInstance register(Chrome chrome, Problem problem, List<RequestType> types, String today);
    }

    private final TicketViews views;
    private final TrailExport trail;
    private final SecurityIdentity identity;
    private final StaffSessions sessions;

    public OfficerPages(TicketViews views, TrailExport trail, SecurityIdentity identity, StaffSessions sessions) {
        this.sessions = sessions;
        this.views = views;
        this.trail = trail;
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

}
