package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.SubjectConfig;
import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.intake.i18n.SubjectLocale;
import dev.rightsdesk.intake.i18n.Texts;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds what every subject page shares: the language (the {@code lang} parameter, remembered in a cookie;
 * else the cookie; else {@code Accept-Language}), the CSRF token, and the HTML response with its cookies.
 */
@ApplicationScoped
public class WebPages {

    public static final String LANG_COOKIE = "rd_lang";
    public static final String LANG_PARAM = "lang";
    private static final int YEAR = 365 * 24 * 3600;

    /** One page request's language and token, and whether cookies must be (re)set. */
    public record Context(String lang, boolean langChosen, String csrf, boolean newCsrf, boolean secure, Chrome chrome) {

        public PageText text() {
            return Texts.page(lang);
        }
    }

    private final SubjectConfig config;
    private final Csrf csrf;

    public WebPages(SubjectConfig config, Csrf csrf) {
        this.config = config;
        this.csrf = csrf;
    }

    public Context context(HttpHeaders headers, UriInfo uri) {
        String param = uri.getQueryParameters().getFirst(LANG_PARAM);
        boolean chosen = SubjectLocale.isSupported(param);
        String lang;
        if (chosen) {
            lang = param;
        } else {
            var cookie = headers.getCookies().get(LANG_COOKIE);
            lang = cookie != null && SubjectLocale.isSupported(cookie.getValue()) ? cookie.getValue()
                    : SubjectLocale.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        }
        String token = csrf.tokenFor(headers);
        boolean secure = "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
        String path = uri.getRequestUri().getRawPath();
        List<Chrome.LangLink> links = new ArrayList<>();
        for (String code : SubjectLocale.SUPPORTED) {
            // the switch is a plain link to this page in the other language: works without JavaScript,
            // and carries nothing but the language
            links.add(new Chrome.LangLink(code, label(code), path + "?" + LANG_PARAM + "=" + code, code.equals(lang)));
        }
        Chrome chrome = new Chrome(lang, token, config.controllerName(), config.privacyContact().orElse(null), links);
        return new Context(lang, chosen, token, !csrf.hasCookie(headers, token), secure, chrome);
    }

    /** Renders {@code page} in the context's language as a {@code text/html} response with the cookies it needs. */
    public Response html(Context ctx, TemplateInstance page, int status) {
        String body = page.setLocale(ctx.lang()).render();
        Response.ResponseBuilder builder = Response.status(status).type("text/html;charset=UTF-8").entity(body);
        if (ctx.newCsrf()) {
            builder.cookie(cookie(Csrf.COOKIE, ctx.csrf(), -1, ctx.secure(), NewCookie.SameSite.STRICT));
        }
        if (ctx.langChosen()) {
            builder.cookie(cookie(LANG_COOKIE, ctx.lang(), YEAR, ctx.secure(), NewCookie.SameSite.LAX));
        }
        return builder.build();
    }

    /** 303 See Other to {@code location} (Post/Redirect/Get). */
    public static Response seeOther(String location) {
        return Response.status(303).header("Location", location).build();
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean secure, NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(sameSite).build();
    }

    private static String label(String code) {
        return switch (code) {
            case "nl" -> "Nederlands";
            default -> "English";
        };
    }
}
