package dev.rightsdesk.platform.error;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses bodies over the API limit with a 413 problem before they are read. Vert.x's own
 * {@code quarkus.http.limits.max-body-size} stays as the hard backstop for bodies without a length.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Route order of this check; a feature that needs a larger limit on one route runs before it. */
    public static final int ORDER = -1000;
    /** Routing-context key under which an earlier handler may set a larger limit (Long) for its route. */
    public static final String OVERRIDE = "rightsdesk.max-body-size";

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "rightsdesk.api.max-body-size", defaultValue = "65536") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::limit);
    }

    void limit(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        Long override = rc.get(OVERRIDE);
        long limit = override != null ? override : maxBytes;
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    var problem = Problem.of(413, "payload-too-large", "Payload too large",
                            "The body must be at most " + limit + " bytes");
                    Problems.send(rc, problem, Map.of("Connection", "close"));
                    return;
                }
            } catch (NumberFormatException e) {
                // a malformed length is Vert.x's to refuse
            }
        }
        rc.next();
    }
}
