package dev.rightsdesk.platform.error;

import io.vertx.core.http.Cookie;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Answers request paths that no resource here can name, before sign-in runs: a {@code ;} (path parameters, as in
 * {@code /officer;x} or {@code /officer/login/..;/}), a backslash or a NUL. Such paths used to reach the form
 * sign-in, whose "where to return after sign-in" cookie cannot hold a {@code ;}: the request hung and logged a long
 * stack trace. Also the second net for the same cookie: a URI with a character a cookie value may not hold (a
 * {@code ,} in a query, say) is stored percent-encoded instead of breaking the response.
 */
@ApplicationScoped
public class PathGuard {

    /** Runs before the body limit and sign-in. */
    public static final int ORDER = BodySizeLimit.ORDER - 100;
    /** Quarkus' cookie that remembers the page to return to after form sign-in. */
    static final String LOCATION_COOKIE = "quarkus-redirect-location";

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext rc) {
        String path = rc.request().path();
        if (path != null && hasForbidden(path)) {
            rc.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(Problem.of(404, "not-found", "Not found", "Nothing is here")));
            return;
        }
        rc.addHeadersEndHandler(v -> safeLocationCookie(rc));
        rc.next();
    }

    static boolean hasForbidden(String rawPath) {
        String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        return rawPath.indexOf(';') >= 0 || rawPath.indexOf('\\') >= 0 || lower.contains("%3b") || lower.contains("%5c")
                || lower.contains("%00") || rawPath.indexOf('\0') >= 0;
    }

    /** Percent-encodes the return-to cookie when its value holds a character cookies may not carry. */
    private static void safeLocationCookie(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(LOCATION_COOKIE);
        if (cookie != null && cookie.getValue() != null && !isCookieSafe(cookie.getValue())) {
            cookie.setValue(encodeUnsafe(cookie.getValue()));
        }
    }

    static boolean isCookieSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isCookieOctet(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 6265 cookie-octet: printable US-ASCII except space, quote, comma, semicolon and backslash. */
    private static boolean isCookieOctet(char c) {
        return c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\';
    }

    static String encodeUnsafe(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(isCookieOctet(c) ? String.valueOf(c) : URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return sb.toString();
    }
}
