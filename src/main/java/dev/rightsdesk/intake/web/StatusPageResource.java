package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.platform.http.ClientAddress;
import dev.rightsdesk.intake.status.LinkLookup;
import dev.rightsdesk.intake.status.StatusService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The status page behind the link in the subject's mails, and the page to have those links sent again. */
@Path("/")
@SubjectPage
@Produces(MediaType.TEXT_HTML)
public class StatusPageResource {

    private static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    private final WebPages pages;
    private final StatusPages statusPages;
    private final StatusService statuses;
    private final LinkLookup lookup;
    private final Csrf csrf;
    private final ClientAddress clients;

    public StatusPageResource(WebPages pages, StatusPages statusPages, StatusService statuses, LinkLookup lookup,
            Csrf csrf, ClientAddress clients) {
        this.pages = pages;
        this.statusPages = statusPages;
        this.statuses = statuses;
        this.lookup = lookup;
        this.csrf = csrf;
        this.clients = clients;
    }

    @GET
    @Path("status/{token}")
    @Operation(hidden = true)
    public Response status(@PathParam("token") String token, @QueryParam("package") String step,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        WebPages.Context ctx = pages.context(headers, uri);
        return statuses.byToken(token)
                .map(found -> statusPages.render(ctx, found, token, "code-sent".equals(step), "", 200))
                .orElseGet(() -> WebErrors.notFound(pages, ctx));
    }

    @GET
    @Path("status-link")
    @Operation(hidden = true)
    public Response lostLink(@Context HttpHeaders headers, @Context UriInfo uri) {
        WebPages.Context ctx = pages.context(headers, uri);
        return pages.html(ctx, Pages.lostLink(ctx.chrome(), new LostLinkView(false, "", "")), 200);
    }

    @POST
    @Path("status-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sendLinks(MultivaluedMap<String, String> form, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context HttpServerRequest http) {
        WebPages.Context ctx = pages.context(headers, uri);
        if (!csrf.accepts(headers, form.getFirst(Csrf.FIELD))) {
            return WebErrors.csrf(pages, ctx, "/status-link");
        }
        PageText t = ctx.text();
        String email = form.getFirst("email") == null ? "" : form.getFirst("email").strip();
        if (email.isEmpty() || email.length() > 254 || !email.matches(EMAIL_PATTERN)) {
            String error = email.isEmpty() ? t.errEmailRequired() : t.errEmailFormat();
            return pages.html(ctx, Pages.lostLink(ctx.chrome(), new LostLinkView(false, email, error)), 400);
        }
        lookup.requestLinks(email, ctx.lang(), clients.of(http));
        // the same page for every address: known or not
        return pages.html(ctx, Pages.lostLink(ctx.chrome(), new LostLinkView(true, "", "")), 200);
    }
}
