package dev.rightsdesk.platform.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Who is acting right now, as the audit trail records it: the signed-in staff user's name, {@value #ANONYMOUS}
 * for an unauthenticated HTTP caller (a subject or a pipeline on a public endpoint), or {@value #SYSTEM} for
 * work without an HTTP request (consumers, schedulers).
 */
@ApplicationScoped
public class CurrentActor {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";

    private final Instance<SecurityIdentity> identity;
    private final Instance<CurrentVertxRequest> request;

    public CurrentActor(Instance<SecurityIdentity> identity, Instance<CurrentVertxRequest> request) {
        this.identity = identity;
        this.request = request;
    }

    public String name() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity current = identity.get();
        if (current != null && !current.isAnonymous()) {
            return current.getPrincipal().getName();
        }
        CurrentVertxRequest http = request.get();
        return http != null && http.getCurrent() != null ? ANONYMOUS : SYSTEM;
    }
}
