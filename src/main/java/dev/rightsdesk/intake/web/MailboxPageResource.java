package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.mail.LocalMailbox;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /dev/mailbox}: the mails of the embedded default run, so a user can finish the flow without SMTP.
 * Exists only when the local mailbox is active (never in production) and answers loopback clients only.
 */
@Path("/dev/mailbox")
@SubjectPage
@Produces(MediaType.TEXT_HTML)
public class MailboxPageResource {

    private final LocalMailbox mailbox;
    private final WebPages pages;

    public MailboxPageResource(LocalMailbox mailbox, WebPages pages) {
        this.mailbox = mailbox;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Response mailbox(@Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServerRequest http) {
        WebPages.Context ctx = pages.context(headers, uri);
        if (!mailbox.active() || !loopback(http)) {
            return WebErrors.notFound(pages, ctx);
        }
        return pages.html(ctx, Pages.mailbox(ctx.chrome(), mailbox.all()), 200);
    }

    private static boolean loopback(HttpServerRequest http) {
        // the direct peer, never X-Forwarded-For: a proxy in front means it is not a local user
        if (http.remoteAddress() == null || http.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(http.remoteAddress().hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
