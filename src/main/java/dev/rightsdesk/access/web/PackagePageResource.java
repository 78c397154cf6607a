package dev.rightsdesk.access.web;

import dev.rightsdesk.access.AccessPackageService;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.intake.i18n.SubjectLocale;
import dev.rightsdesk.platform.http.ClientAddress;
import dev.rightsdesk.intake.status.StatusService;
import dev.rightsdesk.intake.web.Csrf;
import dev.rightsdesk.intake.web.DownloadView;
import dev.rightsdesk.intake.web.Pages;
import dev.rightsdesk.intake.web.StatusPages;
import dev.rightsdesk.intake.web.SubjectPage;
import dev.rightsdesk.intake.web.WebErrors;
import dev.rightsdesk.intake.web.WebPages;
import dev.rightsdesk.platform.error.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The download steps on the status page: ask for a fresh code, enter it, get the download page; and the
 * download itself. Every step needs the status token, and the download link its own expiring token.
 */
@Path("/")
@SubjectPage
public class PackagePageResource {

    private final WebPages pages;
    private final StatusPages statusPages;
    private final StatusService statuses;
    private final AccessPackageService packages;
    private final Csrf csrf;
    private final ClientAddress clients;
    private final StatutoryClock clock;

    public PackagePageResource(WebPages pages, StatusPages statusPages, StatusService statuses,
            AccessPackageService packages, Csrf csrf, ClientAddress clients, StatutoryClock clock) {
        this.clock = clock;
        this.pages = pages;
        this.statusPages = statusPages;
        this.statuses = statuses;
        this.packages = packages;
        this.csrf = csrf;
        this.clients = clients;
    }

    @POST
    @Path("status/{token}/package-code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response sendCode(@PathParam("token") String token, MultivaluedMap<String, String> form,
            @Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServerRequest http) {
        WebPages.Context ctx = pages.context(headers, uri);
        var found = statuses.byToken(token);
        if (found.isEmpty()) {
            return WebErrors.notFound(pages, ctx);
        }
        if (!csrf.accepts(headers, form.getFirst(Csrf.FIELD))) {
            return WebErrors.csrf(pages, ctx, "/status/" + token);
        }
        try {
            packages.sendCode(found.get().ticket().id, clients.of(http));
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            return WebPages.seeOther("/status/" + token);
        }
        return WebPages.seeOther("/status/" + token + "?package=code-sent#package");
    }

    @POST
    @Path("status/{token}/package")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response confirm(@PathParam("token") String token, MultivaluedMap<String, String> form,
            @Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServerRequest http) {
        WebPages.Context ctx = pages.context(headers, uri);
        var found = statuses.byToken(token);
        if (found.isEmpty()) {
            return WebErrors.notFound(pages, ctx);
        }
        if (!csrf.accepts(headers, form.getFirst(Csrf.FIELD))) {
            return WebErrors.csrf(pages, ctx, "/status/" + token);
        }
        String code = form.getFirst("code") == null ? "" : form.getFirst("code").strip();
        if (code.isEmpty()) {
            return statusPages.render(ctx, found.get(), token, true, ctx.text().errCodeRequired(), 400);
        }
        AccessPackageService.Confirmation confirmation;
        try {
            confirmation = packages.confirm(found.get().ticket().id, code, clients.of(http));
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            return WebPages.seeOther("/status/" + token);
        }
        if (!confirmation.check().accepted()) {
            return statusPages.render(ctx, found.get(), token, true,
                    dev.rightsdesk.intake.web.CodeMessages.of(ctx.text(), confirmation.check()), 400);
        }
        return WebPages.seeOther("/download/" + confirmation.token());
    }

    @GET
    @Path("download/{grant}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response downloadPage(@PathParam("grant") String grant, @Context HttpHeaders headers, @Context UriInfo uri) {
        WebPages.Context ctx = pages.context(headers, uri);
        var until = packages.validUntil(grant);
        if (until.isEmpty()) {
            return WebErrors.message(pages, ctx, ctx.text().notFoundTitle(), ctx.text().downloadGone(), 404);
        }
        var date = clock.dateOf(until.get());
        return pages.html(ctx, Pages.download(ctx.chrome(), new DownloadView("/download/" + grant + "/file",
                SubjectLocale.date(date, ctx.lang()), date.toString())), 200);
    }

    @GET
    @Path("download/{grant}/file")
    @Produces({"application/zip", MediaType.TEXT_HTML})
    @Operation(hidden = true)
    public Response file(@PathParam("grant") String grant, @Context HttpHeaders headers, @Context UriInfo uri) {
        return packages.download(grant)
                .map(d -> Response.ok(d.zip(), "application/zip")
                        .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"").build())
                .orElseGet(() -> {
                    WebPages.Context ctx = pages.context(headers, uri);
                    return WebErrors.message(pages, ctx, ctx.text().notFoundTitle(), ctx.text().downloadGone(), 404);
                });
    }
}
