package dev.rightsdesk.intake.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.intake.IntakeService;
import dev.rightsdesk.intake.SubjectSecrets;
import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.intake.i18n.SubjectLocale;
import dev.rightsdesk.platform.http.ClientAddress;
import dev.rightsdesk.intake.status.StatusLinks;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public web form: the start page with the four rights, one form per request type, and its post, which
 * goes through the same {@link IntakeService} as the JSON API and then redirects (Post/Redirect/Get) to the
 * verification page by ticket id. Works without JavaScript.
 */
@Path("/")
@SubjectPage
@Produces(MediaType.TEXT_HTML)
public class FormResource {

    private final WebPages pages;
    private final FormViews views;
    private final IntakeService intake;
    private final Csrf csrf;
    private final ClientAddress clients;
    private final ObjectMapper mapper;
    private final StatusLinks links;
    private final SubjectSecrets secrets;

    public FormResource(WebPages pages, FormViews views, IntakeService intake, Csrf csrf, ClientAddress clients,
            ObjectMapper mapper, StatusLinks links, SubjectSecrets secrets) {
        this.secrets = secrets;
        this.pages = pages;
        this.views = views;
        this.intake = intake;
        this.csrf = csrf;
        this.clients = clients;
        this.mapper = mapper;
        this.links = links;
    }

    @GET
    @Operation(hidden = true)
    public Response home(@Context HttpHeaders headers, @Context UriInfo uri) {
        WebPages.Context ctx = pages.context(headers, uri);
        var due = views.deadlineIfSentNow().due();
        return pages.html(ctx, Pages.home(ctx.chrome(),
                new Pages.HomeView(SubjectLocale.date(due, ctx.lang()), due.toString())), 200);
    }

    @GET
    @Path("request/{type}")
    @Operation(hidden = true)
    public Response form(@PathParam("type") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        WebPages.Context ctx = pages.context(headers, uri);
        Optional<RequestType> type = FormViews.typeOf(slug);
        if (type.isEmpty()) {
            return WebErrors.notFound(pages, ctx);
        }
        return pages.html(ctx, Pages.form(ctx.chrome(), views.empty(type.get(), ctx.lang(), ctx.text())), 200);
    }

    @POST
    @Path("request/{type}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("type") String slug, MultivaluedMap<String, String> form,
            @Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServerRequest http) {
        WebPages.Context ctx = pages.context(headers, uri);
        Optional<RequestType> type = FormViews.typeOf(slug);
        if (type.isEmpty()) {
            return WebErrors.notFound(pages, ctx);
        }
        if (!csrf.accepts(headers, form.getFirst(Csrf.FIELD))) {
            return WebErrors.csrf(pages, ctx, "/request/" + slug);
        }
        PageText text = ctx.text();
        String formKey = SubjectSecrets.wellFormedToken(form.getFirst("formKey")) ? form.getFirst("formKey") : null;
        boolean addRow = "add-row".equals(form.getFirst("action")) && type.get() == RequestType.RECTIFICATION;
        FormBinder binder = new FormBinder(mapper, text, ctx.lang());
        FormBinder.Bound bound = binder.bind(type.get(), form, addRow);
        if (addRow) {
            // no errors yet: the subject is still filling in the form
            return pages.html(ctx, Pages.form(ctx.chrome(), views.view(type.get(), ctx.lang(), text, keyOr(formKey),
                    bound.values(), bound.purposes(), List.of(), bound.rows())), 200);
        }
        intake.countSubmission(clients.of(http), bound.values().get(FormBinder.EMAIL));
        List<FieldError> errors = new ArrayList<>(bound.errors());
        Ticket ticket = null;
        if (errors.isEmpty()) {
            try {
                ticket = submit(bound, formKey);
            } catch (ProblemException e) {
                e.violations().forEach(v -> errors.add(new FieldError(FormBinder.idOf(v.field()), text.errGeneric())));
                if (errors.isEmpty()) {
                    throw e;
                }
            } catch (ConstraintViolationException e) {
                e.getConstraintViolations().forEach(v -> errors.add(new FieldError(
                        FormBinder.idOf(v.getPropertyPath().toString().replaceFirst("^submit\\.request\\.", "")),
                        text.errGeneric())));
            }
        }
        if (ticket == null) {
            return pages.html(ctx, Pages.form(ctx.chrome(), views.view(type.get(), ctx.lang(), text, keyOr(formKey),
                    bound.values(), bound.purposes(), errors, bound.rows())), 400);
        }
        if (ticket.isVerified()) {
            // verification is off (identity checked upstream): straight to the status page
            Optional<String> token = links.tokenOf(ticket.id);
            if (token.isPresent()) {
                return WebPages.seeOther(StatusLinks.PAGE + token.get());
            }
        }
        return WebPages.seeOther("/requests/" + ticket.id + "/verify");
    }

    /** Submits with the form's key as Idempotency-Key, so a double click makes one ticket. */
    private Ticket submit(FormBinder.Bound bound, String formKey) {
        if (formKey != null) {
            try {
                return intake.submit(bound.request(), Optional.of("form-" + formKey)).ticket();
            } catch (ProblemException e) {
                if (!"idempotency-key-reused".equals(e.type())) {
                    throw e;
                }
                // the subject went back and changed the form: that is a new request
            }
        }
        return intake.submit(bound.request(), Optional.empty()).ticket();
    }

    private String keyOr(String formKey) {
        return formKey != null ? formKey : secrets.newToken();
    }
}
