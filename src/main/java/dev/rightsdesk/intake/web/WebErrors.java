package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.i18n.PageText;
import jakarta.ws.rs.core.Response;

/** The friendly pages for what goes wrong on the subject's pages: not found, expired form, too much text. */
public final class WebErrors {

    private WebErrors() {
    }

    public static Response notFound(WebPages pages, WebPages.Context ctx) {
        PageText t = ctx.text();
        return pages.html(ctx, Pages.message(ctx.chrome(),
                new Pages.MessageView(t.notFoundTitle(), t.notFoundText(), "/", t.notFoundHome())), 404);
    }

    /** 403 for a post without the matching CSRF token. */
    public static Response csrf(WebPages pages, WebPages.Context ctx, String back) {
        PageText t = ctx.text();
        return pages.html(ctx, Pages.message(ctx.chrome(),
                new Pages.MessageView(t.csrfTitle(), t.csrfText(), back, t.backToForm())), 403);
    }

    /** 429 with Retry-After, in words. */
    public static Response tooMany(WebPages pages, WebPages.Context ctx, long retryAfterSeconds) {
        PageText t = ctx.text();
        String minutes = String.valueOf(Math.max(1, (retryAfterSeconds + 59) / 60));
        Response page = pages.html(ctx, Pages.message(ctx.chrome(),
                new Pages.MessageView(t.tooManyTitle(), t.tooManyText(minutes), "/", t.notFoundHome())), 429);
        return Response.fromResponse(page).header("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }

    public static Response message(WebPages pages, WebPages.Context ctx, String title, String text, int status) {
        return pages.html(ctx, Pages.message(ctx.chrome(),
                new Pages.MessageView(title, text, "/", ctx.text().notFoundHome())), status);
    }
}
