package dev.rightsdesk.platform.security;

import dev.rightsdesk.platform.error.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Refuses a form sign-in ({@code POST /j_security_check}) that another site started (login CSRF: a foreign page
 * signs the victim's browser in as the attacker, who then reads what the victim enters). Runs before sign-in, so
 * no session is issued. The browser's {@code Sec-Fetch-Site} decides when present; otherwise the {@code Origin}
 * must name this host; a request with neither (not a browser) passes.
 */
@ApplicationScoped
public class SignInOrigin {

    /** Quarkus' form sign-in path. */
    public static final String SIGN_IN_PATH = "/j_security_check";

    void register(@Observes Router router) {
        router.post(SIGN_IN_PATH).order(-950).handler(rc -> {
            if (isCrossSite(rc.request())) {
                rc.response().setStatusCode(403).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(Json.encode(Problem.of(403, "cross-site-request", "Refused",
                                "This sign-in was sent from another site; sign in on this site's own page")));
            } else {
                rc.next();
            }
        });
    }

    /** True when the browser says the request came from another site (also used for the officer's form posts). */
    public static boolean isCrossSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !"same-origin".equals(fetchSite) && !"none".equals(fetchSite);
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        if ("null".equals(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost == null || !originHost.equalsIgnoreCase(request.getHeader("Host"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
