package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.SubjectConfig;
import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.intake.i18n.SubjectLocale;
import dev.rightsdesk.intake.i18n.Texts;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The same body limit as the API ({@code rightsdesk.api.max-body-size}, 64 KiB) for the subject's form posts, but
 * answered with a page in the subject's language instead of problem+json. Runs just before the API's limit.
 */
@ApplicationScoped
public class FormBodyLimit {

    private final long maxBytes;
    private final SubjectConfig config;

    public FormBodyLimit(@ConfigProperty(name = "rightsdesk.api.max-body-size", defaultValue = "65536") long maxBytes,
            SubjectConfig config) {
        this.maxBytes = maxBytes;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().order(-1001).handler(this::limit);
    }

    void limit(RoutingContext rc) {
        var request = rc.request();
        String type = request.getHeader("Content-Type");
        String length = request.getHeader("Content-Length");
        if (request.method() == HttpMethod.POST && length != null && type != null
                && type.startsWith("application/x-www-form-urlencoded") && !request.path().startsWith("/api/")) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    rc.response().setStatusCode(413).putHeader("Content-Type", "text/html;charset=UTF-8")
                            .putHeader("Connection", "close")
                            .putHeader("Content-Security-Policy", PageHeaders.CSP)
                            .end(page(lang(rc)));
                    return;
                }
            } catch (NumberFormatException e) {
                // a malformed length is Vert.x's to refuse
            }
        }
        rc.next();
    }

    private static String lang(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(WebPages.LANG_COOKIE);
        if (cookie != null && SubjectLocale.isSupported(cookie.getValue())) {
            return cookie.getValue();
        }
        return SubjectLocale.fromAcceptLanguage(rc.request().getHeader("Accept-Language"));
    }

    private String page(String lang) {
        PageText t = Texts.page(lang);
        Chrome chrome = new Chrome(lang, "", config.controllerName(), config.privacyContact().orElse(null), List.of());
        return Pages.message(chrome, new Pages.MessageView(t.tooLargeTitle(), t.tooLargeText(), "/", t.notFoundHome()))
                .setLocale(lang).render();
    }
}
