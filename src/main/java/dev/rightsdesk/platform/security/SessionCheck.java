package dev.rightsdesk.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Ties form sign-in to a revocable server-side session ({@link StaffSessions}). Quarkus' sign-in cookie is an
 * encrypted name and expiry that stays valid until it expires, whoever holds it; so at sign-in a session row is
 * opened and its token set in a second cookie, and every later request signed in by that cookie must also carry a
 * live session of the same user. Sign-out deletes the row, and the old cookies open nothing any more. Only form
 * sign-in is concerned: Basic and bearer credentials are checked on every request anyway.
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {

    private final StaffSessions sessions;

    public SessionCheck(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (identity.isAnonymous() || rc == null
                || !(rc.get(HttpAuthenticationMechanism.class.getName()) instanceof FormAuthenticationMechanism)) {
            return Uni.createFrom().item(identity);
        }
        String user = identity.getPrincipal().getName();
        boolean signIn = rc.request().method() == HttpMethod.POST && rc.normalizedPath().endsWith("/j_security_check");
        return context.runBlocking(() -> {
            if (signIn) {
                rc.response().addCookie(cookie(sessions.open(user)));
                return identity;
            }
            Cookie cookie = rc.request().getCookie(StaffSessions.COOKIE);
            Optional<String> owner = sessions.validate(cookie == null ? null : cookie.getValue());
            if (owner.isEmpty() || !owner.get().equals(user)) {
                // Signed out, timed out, or a sign-in cookie without its session (forged with a leaked key, say).
                throw new AuthenticationFailedException("No live session");
            }
            return identity;
        });
    }

    /** The session cookie: never readable by scripts, never sent cross-site; {@code Secure} is added behind TLS. */
    public static Cookie cookie(String token) {
        return Cookie.cookie(StaffSessions.COOKIE, token).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT);
    }
}
