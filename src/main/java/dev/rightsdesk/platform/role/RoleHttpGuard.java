package dev.rightsdesk.platform.role;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In a {@link Role#CONNECTORS} instance only the management paths answer ({@code /q/health}, {@code /q/metrics}):
 * the intake, the officer API and pages live in the core, and a worker Deployment should not be a second, less
 * watched door to them. Everything else is a 404 problem.
 */
@ApplicationScoped
public class RoleHttpGuard {

    private static final String NOT_HERE = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"this instance runs the connector workers only (rightsdesk.role=connectors)\"}";

    private final Role role;

    public RoleHttpGuard(@ConfigProperty(name = Role.KEY, defaultValue = "all") String role) {
        this.role = Role.parse(role);
    }

    void register(@Observes Filters filters) {
        if (role.runsCore()) {
            return;
        }
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (path.equals("/q") || path.startsWith("/q/")) {
                rc.next();
                return;
            }
            rc.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json").end(NOT_HERE);
        }, 1000);
    }
}
