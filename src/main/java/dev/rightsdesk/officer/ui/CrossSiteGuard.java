package dev.rightsdesk.officer.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a form post to the officer's pages that another site started (cross-site request forgery). The sign-in
 * cookie is already {@code SameSite=Strict}; this is the second net: the browser's {@code Sec-Fetch-Site} or, for
 * older browsers, the {@code Origin} must name this site.
 */
public class CrossSiteGuard {

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!"POST".equals(request.getMethod()) || !path.startsWith("/officer")) {
            return Optional.empty();
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null) {
            return "same-origin".equals(fetchSite) || "none".equals(fetchSite) ? Optional.empty() : refuse();
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        if ("null".equals(origin)) {
            return refuse();
        }
        String host = request.getHeaderString("Host");
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost != null && originHost.equalsIgnoreCase(host) ? Optional.empty() : refuse();
        } catch (IllegalArgumentException e) {
            return refuse();
        }
    }

    private static Optional<Response> refuse() {
        return Optional.of(Response.status(403).type(MediaType.TEXT_PLAIN)
                .entity("Refused: this form was sent from another site.").build());
    }
}
