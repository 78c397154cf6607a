package dev.rightsdesk.intake.web;

import java.util.List;

/**
 * What every subject page's layout needs: its language, the language switch, the CSRF token for its forms,
 * and who the controller is.
 *
 * @param lang      the page's language tag (the {@code lang} attribute)
 * @param csrf      the token every form on the page posts back in {@code _csrf}
 * @param languages the language switch, one link per supported language
 */
public record Chrome(String lang, String csrf, String controller, String contact, List<LangLink> languages) {

    /** One entry of the language switch; the current language is not a link. */
    public record LangLink(String code, String label, String href, boolean current) {
    }

    public boolean hasContact() {
        return contact != null && !contact.isBlank();
    }
}
