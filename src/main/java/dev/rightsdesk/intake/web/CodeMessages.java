package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.intake.verification.CodeCheck;

/** What the subject is told when a code is not accepted, in words and with what to do next. */
public final class CodeMessages {

    private CodeMessages() {
    }

    public static String of(PageText text, CodeCheck check) {
        return switch (check.outcome()) {
            case WRONG -> text.errCodeWrong(String.valueOf(check.attemptsLeft()));
            case EXHAUSTED -> text.errCodeExhausted();
            case EXPIRED -> text.errCodeExpired();
            default -> text.errCodeNone();
        };
    }
}
