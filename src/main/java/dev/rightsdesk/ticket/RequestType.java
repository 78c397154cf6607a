package dev.rightsdesk.ticket;

/** The data-subject right a ticket exercises. */
public enum RequestType {
    /** Art. 15: a copy of the data and the facts about its processing. */
    ACCESS("access"),
    /** Art. 16: inaccurate data corrected. */
    RECTIFICATION("rectification"),
    /** Art. 17: data erased. */
    ERASURE("erasure"),
    /** Art. 21: processing stopped. */
    OBJECTION("objection");

    private final String slug;

    RequestType(String slug) {
        this.slug = slug;
    }

    /** Lower-case name used in event types, e.g. {@code dev.rightsdesk.task.erasure.v1}. */
    public String slug() {
        return slug;
    }
}
