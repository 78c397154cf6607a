package dev.rightsdesk.officer.queue;

/** How pressing a ticket's deadline is; the UI shows it with a colour and always with words. */
public enum Urgency {
    OVERDUE("Overdue"),
    DUE_SOON("Due soon"),
    ON_TRACK("On track"),
    CLOSED("Closed");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** CSS class; the colour repeats what the text already says. */
    public String css() {
        return name().toLowerCase().replace('_', '-');
    }
}
