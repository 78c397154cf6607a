package dev.rightsdesk.officer.signin;

import dev.rightsdesk.platform.http.ClientAddress;
import dev.rightsdesk.platform.error.Problem;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;

/**
 * The password-guessing throttle on staff sign-in (the form at {@code /officer/login} and HTTP Basic on the staff
 * API). Runs as the first identity provider for name-and-password sign-ins: while the name or the client has used up
 * its wrong passwords ({@link SignInThrottle}) the sign-in is refused before the password is even compared, so a
 * right password is refused too and the answer tells nothing; otherwise it steps aside for the real user store and
 * counts the outcome when the answer goes out. Refusals are 429 problems with {@code Retry-After}.
 */
@ApplicationScoped
public class ThrottledSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final String COUNTED = ThrottledSignIn.class.getName() + ".counted";

    private final SignInThrottle throttle;
    private final ClientAddress clients;

    public ThrottledSignIn(SignInThrottle throttle, ClientAddress clients) {
        this.throttle = throttle;
        this.clients = clients;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // before the built-in user store and any other password store (providers run highest first)
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null) {
            return Uni.createFrom().nullItem();
        }
        String user = request.getUsername();
        String client = clients.of(rc.request());
        Optional<Duration> wait = throttle.wait(user, client);
        if (wait.isPresent()) {
            return Uni.createFrom().failure(new SignInThrottled(wait.get()));
        }
        if (rc.get(COUNTED) == null) {
            rc.put(COUNTED, Boolean.TRUE);
            rc.addHeadersEndHandler(v -> count(rc, user, client));
        }
        return Uni.createFrom().nullItem();
    }

    /** A 401 (Basic) or the form's redirect to its error page is a wrong password; any other answer a right one. */
    private void count(RoutingContext rc, String user, String client) {
        int status = rc.response().getStatusCode();
        String location = rc.response().headers().get("Location");
        boolean wrong = status == 401 || (status == 302 && location != null && location.contains("error=true"));
        if (wrong) {
            throttle.failed(user, client);
        } else if (status < 400) {
            throttle.succeeded(user);
        }
    }

    void register(@Observes Router router) {
        router.route().failureHandler(rc -> {
            if (rc.failure() instanceof SignInThrottled throttled && !rc.response().ended()) {
                rc.response().setStatusCode(429).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()))
                        .end(Json.encode(Problem.of(429, "too-many-sign-in-attempts", "Too many sign-in attempts",
                                "Too many wrong passwords; try again after the time in Retry-After")));
            } else {
                rc.next();
            }
        });
    }
}
