package dev.rightsdesk.platform.security;

import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks every cookie this service sets as {@code Secure} when the request reached it over HTTPS: directly, or through
 * the ingress, which ends TLS and says so in {@code X-Forwarded-Proto: https} (or {@code Forwarded: proto=https}).
 * Quarkus' form sign-in only looks at the connection to the pod, which is plain HTTP behind an ingress, so its
 * cookies went out without {@code Secure}. The header is believed from anyone: a forged one can only make the
 * client's own cookie stricter, never weaker.
 */
@ApplicationScoped
public class SecureCookies {

    void register(@Observes Router router) {
        router.route().order(-1200).handler(rc -> {
            if (viaHttps(rc.request())) {
                rc.addHeadersEndHandler(v -> secure(rc));
            }
            rc.next();
        });
    }

    static boolean viaHttps(HttpServerRequest request) {
        if (request.isSSL()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto != null && proto.split(",")[0].trim().equalsIgnoreCase("https")) {
            return true;
        }
        String forwarded = request.getHeader("Forwarded");
        return forwarded != null && forwarded.split(",")[0].toLowerCase(Locale.ROOT).replace(" ", "").contains("proto=https");
    }

    private static void secure(RoutingContext rc) {
        // Cookies set through Vert.x (Quarkus' sign-in cookie, our session cookie) ...
        for (Cookie cookie : rc.request().cookies()) {
            if (cookie instanceof ServerCookie server && server.isChanged() && !server.isFromUserAgent()) {
                cookie.setSecure(true);
            }
        }
        // ... and those written as headers (JAX-RS NewCookie, the sign-out's expired cookies).
        MultiMap headers = rc.response().headers();
        List<String> setCookies = headers.getAll("Set-Cookie");
        if (!setCookies.isEmpty()) {
            List<String> secured = new ArrayList<>(setCookies.size());
            for (String value : setCookies) {
                secured.add(value.toLowerCase(Locale.ROOT).matches(".*;\\s*secure\\s*(;.*)?$") ? value : value + "; Secure");
            }
            headers.remove("Set-Cookie");
            headers.add("Set-Cookie", secured);
        }
    }
}
