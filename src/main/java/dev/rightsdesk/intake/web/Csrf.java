package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.SubjectSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * CSRF protection of every form post: a double-submit token. The page sets a random token in a
 * {@code SameSite=Strict}, HttpOnly cookie and repeats it in a hidden field; a post must carry both,
 * equal. A cross-site page can neither read the cookie nor make the browser send it. Posts a browser marks
 * as cross-site ({@code Sec-Fetch-Site}) are refused outright. The JSON API takes no cookies and is exempt.
 */
@ApplicationScoped
public class Csrf {

    public static final String COOKIE = "rd_csrf";
    public static final String FIELD = "_csrf";

    private final SubjectSecrets secrets;

    public Csrf(SubjectSecrets secrets) {
        this.secrets = secrets;
    }

    /** The token of the browser's cookie, or a new one (then the page must set the cookie). */
    String tokenFor(HttpHeaders headers) {
        var cookie = headers.getCookies().get(COOKIE);
        if (cookie != null && SubjectSecrets.wellFormedToken(cookie.getValue())) {
            return cookie.getValue();
        }
        return secrets.newToken();
    }

    boolean hasCookie(HttpHeaders headers, String token) {
        var cookie = headers.getCookies().get(COOKIE);
        return cookie != null && token.equals(cookie.getValue());
    }

    /** Whether a form post carries the matching token and does not come from another site. */
    public boolean accepts(HttpHeaders headers, String formToken) {
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        var cookie = headers.getCookies().get(COOKIE);
        if (cookie == null || formToken == null || !SubjectSecrets.wellFormedToken(cookie.getValue())) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.US_ASCII),
                formToken.getBytes(StandardCharsets.US_ASCII));
    }
}
