package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.SubjectFlow;
import dev.rightsdesk.intake.UnverifiedExpiryConfig;
import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.platform.http.ClientAddress;
import dev.rightsdesk.intake.status.StatusLinks;
import dev.rightsdesk.intake.verification.VerificationConfig;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * "Check your e-mail": the page a submission redirects to, by ticket id. Entering the right code verifies
 * the request and redirects to the status page; a new code can be asked for. Shows nothing personal.
 */
@Path("/requests/{id}/verify")
@SubjectPage
@Produces(MediaType.TEXT_HTML)
public class VerifyPageResource {

    private final WebPages pages;
    private final SubjectFlow flow;
    private final Csrf csrf;
    private final ClientAddress clients;
    private final VerificationConfig codes;
    private final UnverifiedExpiryConfig expiry;

    public VerifyPageResource(WebPages pages, SubjectFlow flow, Csrf csrf, ClientAddress clients,
            VerificationConfig codes, UnverifiedExpiryConfig expiry) {
        this.pages = pages;
        this.flow = flow;
        this.csrf = csrf;
        this.clients = clients;
        this.codes = codes;
        this.expiry = expiry;
    }

    @GET
    @Operation(hidden = true)
    public Response page(@PathParam("id") String id, @QueryParam("sent") String sent, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        WebPages.Context ctx = pages.context(headers, uri);
        Ticket ticket = ticket(id);
        if (ticket == null) {
            return WebErrors.notFound(pages, ctx);
        }
        return render(ctx, ticket, "", "1".equals(sent), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response enter(@PathParam("id") String id, MultivaluedMap<String, String> form, @Context HttpHeaders headers,
            @Context UriInfo uri, @Context HttpServerRequest http) {
        WebPages.Context ctx = pages.context(headers, uri);
        Ticket ticket = ticket(id);
        if (ticket == null) {
            return WebErrors.notFound(pages, ctx);
        }
        if (!csrf.accepts(headers, form.getFirst(Csrf.FIELD))) {
            return WebErrors.csrf(pages, ctx, "/requests/" + ticket.id + "/verify");
        }
        PageText text = ctx.text();
        String code = form.getFirst("code") == null ? "" : form.getFirst("code").strip();
        if (code.isEmpty()) {
            return render(ctx, ticket, text.errCodeRequired(), false, 400);
        }
        SubjectFlow.VerifyResult result = flow.verify(ticket.id, code, clients.of(http));
        return switch (result.state()) {
            case VERIFIED -> result.statusToken() != null ? WebPages.seeOther(StatusLinks.PAGE + result.statusToken())
                    : render(ctx, flow.find(ticket.id), "", false, 200);
            case ALREADY_VERIFIED, CLOSED -> render(ctx, flow.find(ticket.id), "", false, 200);
            case REJECTED -> render(ctx, ticket, CodeMessages.of(text, result.check()), false, 400);
        };
    }

    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resend(@PathParam("id") String id, MultivaluedMap<String, String> form, @Context HttpHeaders headers,
            @Context UriInfo uri, @Context HttpServerRequest http) {
        WebPages.Context ctx = pages.context(headers, uri);
        Ticket ticket = ticket(id);
        if (ticket == null) {
            return WebErrors.notFound(pages, ctx);
        }
        if (!csrf.accepts(headers, form.getFirst(Csrf.FIELD))) {
            return WebErrors.csrf(pages, ctx, "/requests/" + ticket.id + "/verify");
        }
        try {
            flow.resend(ticket.id, clients.of(http));
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            return render(ctx, flow.find(ticket.id), "", false, 200);
        }
        return WebPages.seeOther("/requests/" + ticket.id + "/verify?sent=1");
    }

    private Ticket ticket(String id) {
        try {
            return flow.find(UUID.fromString(id));
        } catch (IllegalArgumentException | ProblemException e) {
            return null;
        }
    }

    private Response render(WebPages.Context ctx, Ticket ticket, String error, boolean resent, int status) {
        String state;
        if (ticket.status == TicketStatus.EXPIRED) {
            state = "EXPIRED";
        } else if (ticket.isVerified()) {
            state = "DONE";
        } else if (ticket.status != TicketStatus.IDENTITY_UNVERIFIED) {
            state = "CLOSED";
        } else {
            state = "FORM";
        }
        VerifyView view = new VerifyView(ticket.id, state, error, resent, String.valueOf(codes.codeValidity().toMinutes()),
                String.valueOf(codes.codeLength()), String.valueOf(expiry.unverifiedExpiry().toDays()));
        return pages.html(ctx, Pages.verify(ctx.chrome(), view), status);
    }
}
