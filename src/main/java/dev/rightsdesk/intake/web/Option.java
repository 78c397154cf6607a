package dev.rightsdesk.intake.web;

/** One radio button or checkbox: its input id, value, label, optional hint, and whether it is ticked. */
public record Option(String id, String value, String label, String hint, boolean checked) {

    public boolean hasHint() {
        return hint != null && !hint.isBlank();
    }
}
