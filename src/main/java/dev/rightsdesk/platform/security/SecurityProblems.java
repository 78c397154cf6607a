package dev.rightsdesk.platform.security;

import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers refused staff API calls as RFC 9457 problems: 401 with a {@code WWW-Authenticate} challenge (Basic when
 * the built-in users sign in, Bearer with OIDC), 403 for a role that may not do it. Quarkus keeps HTTP Basic
 * silent while form sign-in is on (so browsers show no pop-up); API clients still deserve the challenge.
 * Only refuses, never admits: the permission rules and {@code @RolesAllowed} decide access.
 */
@ApplicationScoped
public class SecurityProblems {

    private final List<String> apiPaths;
    private final boolean oidc;

    public SecurityProblems(
            @ConfigProperty(name = "quarkus.http.auth.permission.staff-api.paths") List<String> apiPaths,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidc,
            @ConfigProperty(name = "quarkus.http.auth.permission.connector-keys.paths") Optional<List<String>> connectorPaths) {
        // The connectors' key service is an API too: a 401 problem, never the form sign-in's redirect to a page.
        List<String> paths = new ArrayList<>(apiPaths);
        connectorPaths.ifPresent(paths::addAll);
        this.apiPaths = List.copyOf(paths);
        this.oidc = oidc;
    }

    void register(@Observes Router router) {
        // Before authentication: a staff API call without any credentials is refused at once.
        router.route().order(-900).handler(rc -> {
            String authorization = rc.request().getHeader("Authorization");
            if (!isStaffApi(rc.normalizedPath())) {
                rc.next();
            } else if (authorization == null) {
                unauthenticated(rc, rc.normalizedPath().startsWith("/api/v1/connector-keys")
                        ? "Sign in with a connector's service account" : "Sign in: this endpoint is for staff");
            } else if (!usable(authorization, oidc)) {
                // An empty Basic, or a scheme this deployment does not take: Quarkus would answer a bare challenge.
                unauthenticated(rc, "The Authorization header holds no credentials this service takes");
            } else {
                rc.next();
            }
        });
        router.route().failureHandler(rc -> {
            Throwable failure = rc.failure();
            if (!isStaffApi(rc.normalizedPath()) || rc.response().ended()) {
                rc.next();
            } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
                unauthenticated(rc, "The credentials were not accepted");
            } else if (failure instanceof ForbiddenException || rc.statusCode() == 403) {
                forbidden(rc);
            } else {
                rc.next();
            }
        });
    }

    /** {@code @RolesAllowed} refusals inside the REST layer. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(forbiddenProblem(), Map.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problems.response(Problem.of(401, "unauthenticated", "Not signed in", "Sign in: this endpoint is for staff"),
                Map.of("WWW-Authenticate", challenge()));
    }

    /** True when the header can carry credentials for the configured sign-in: Basic user:password, or a bearer token. */
    static boolean usable(String authorization, boolean oidc) {
        String value = authorization.trim();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String credentials = space < 0 ? "" : value.substring(space + 1).trim();
        if (credentials.isEmpty()) {
            return false;
        }
        if (oidc) {
            return scheme.equalsIgnoreCase("Bearer");
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return false;
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(credentials), java.nio.charset.StandardCharsets.UTF_8);
            return decoded.indexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    boolean isStaffApi(String path) {
        for (String pattern : apiPaths) {
            if (pattern.endsWith("/*") ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                    || path.equals(pattern.substring(0, pattern.length() - 2)) : path.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private void unauthenticated(RoutingContext rc, String detail) {
        Problems.send(rc, Problem.of(401, "unauthenticated", "Not signed in", detail),
                Map.of("WWW-Authenticate", challenge()));
    }

    private void forbidden(RoutingContext rc) {
        Problems.send(rc, forbiddenProblem(), Map.of());
    }

    private static Problem forbiddenProblem() {
        return Problem.of(403, "forbidden", "Not allowed for your role",
                "Your role may not do this; auditors read, officers and admins act");
    }

    private String challenge() {
        return oidc ? "Bearer" : "Basic realm=\"Rightsdesk staff\", charset=\"UTF-8\"";
    }
}
