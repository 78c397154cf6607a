package dev.rightsdesk.intake.web;

import java.util.UUID;

/**
 * The "check your e-mail" page of one request.
 *
 * @param state   FORM (enter the code), DONE (already confirmed), CLOSED, EXPIRED
 * @param error   the message next to the code field, or empty
 * @param resent  whether a new code was just sent
 */
public record VerifyView(UUID ticketId, String state, String error, boolean resent, String minutes, String digits,
        String days) {

    public boolean isForm() {
        return "FORM".equals(state);
    }

    public boolean hasError() {
        return error != null && !error.isEmpty();
    }

    public String action() {
        return "/requests/" + ticketId + "/verify";
    }
}
