package dev.rightsdesk.intake.i18n;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The languages the subject's pages and mails are written in, and how dates are written in each. */
public final class SubjectLocale {

    /** Supported language tags; the first is the fallback. */
    public static final List<String> SUPPORTED = List.of("en", "nl");

    private SubjectLocale() {
    }

    /** {@code tag} when supported, else English. */
    public static String normalise(String tag) {
        if (tag == null) {
            return SUPPORTED.get(0);
        }
        String lang = tag.trim().toLowerCase(Locale.ROOT);
        int dash = lang.indexOf('-');
        if (dash > 0) {
            lang = lang.substring(0, dash);
        }
        return SUPPORTED.contains(lang) ? lang : SUPPORTED.get(0);
    }

    public static boolean isSupported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }

    /**
     * The best supported language of an {@code Accept-Language} header (RFC 9110 weights), or English.
     */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return SUPPORTED.get(0);
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            String best = Locale.lookupTag(ranges, SUPPORTED);
            return best == null ? SUPPORTED.get(0) : best;
        } catch (IllegalArgumentException e) {
            return SUPPORTED.get(0);
        }
    }

    /** A date as people write it: "5 April 2026", "5 april 2026". */
    public static String date(LocalDate date, String tag) {
        if (date == null) {
            return "";
        }
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(normalise(tag))));
    }
}
