package dev.rightsdesk.intake.web;

/** The "send me my links again" page; {@code done} after posting, whatever the address. */
public record LostLinkView(boolean done, String email, String error) {

    public boolean hasError() {
        return error != null && !error.isEmpty();
    }
}
