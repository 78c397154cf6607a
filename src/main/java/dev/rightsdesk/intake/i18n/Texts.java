package dev.rightsdesk.intake.i18n;

import dev.rightsdesk.ticket.RequestType;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The bundles in one language, and the few texts chosen by a value rather than by a fixed key. */
public final class Texts {

    private Texts() {
    }

    public static PageText page(String lang) {
        return MessageBundles.get(PageText.class, Localized.Literal.of(SubjectLocale.normalise(lang)));
    }

    public static MailText mail(String lang) {
        return MessageBundles.get(MailText.class, Localized.Literal.of(SubjectLocale.normalise(lang)));
    }

    /** The request type in words ("A copy of your data"). */
    public static String type(PageText page, RequestType type) {
        return switch (type) {
            case ACCESS -> page.typeAccess();
            case RECTIFICATION -> page.typeRectification();
            case ERASURE -> page.typeErasure();
            case OBJECTION -> page.typeObjection();
        };
    }
}
