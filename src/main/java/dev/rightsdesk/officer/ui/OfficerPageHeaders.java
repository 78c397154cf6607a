package dev.rightsdesk.officer.ui;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers of every officer page, sign-in and error answers included (so set at the HTTP layer, not per
 * resource): no scripts at all, forms post only here, never framed (click-jacking of action buttons), no type
 * sniffing, no referrer, and nothing stored by the browser or a proxy, since these pages show subjects' personal
 * data. Same policy as the subject's pages ({@code intake/web/PageHeaders}).
 */
@ApplicationScoped
public class OfficerPageHeaders {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    void register(@Observes Router router) {
        router.route().order(-1150).handler(rc -> {
            String path = rc.request().path();
            if (path != null && (path.equals("/officer") || path.startsWith("/officer/") || path.equals("/j_security_check"))) {
                rc.addHeadersEndHandler(v -> headers(rc));
            }
            rc.next();
        });
    }

    private static void headers(RoutingContext rc) {
        MultiMap h = rc.response().headers();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        h.set("Pragma", "no-cache");
    }
}
