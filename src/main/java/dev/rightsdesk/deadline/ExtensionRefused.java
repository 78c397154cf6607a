package dev.rightsdesk.deadline;

/**
 * The extension of Art. 12(3) (D4) is refused by the rules themselves. A plain exception, so the clock stays free of
 * any web type; the ticket's owner turns it into a 422 problem whose {@code type} is {@link #rule()}.
 *
 * @param rule  stable slug of the rule broken: {@code already-extended}, {@code extension-too-late},
 *              {@code extension-reason-required}
 * @param field the input field at fault, or null when the ticket's state is
 */
public final class ExtensionRefused extends RuntimeException {

    private final String rule;
    private final String title;
    private final String field;

    ExtensionRefused(String rule, String title, String detail, String field) {
        super(detail, null, false, false);
        this.rule = rule;
        this.title = title;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String title() {
        return title;
    }

    /** The input field at fault ({@code reason}), or null when the ticket's state refuses the extension. */
    public String field() {
        return field;
    }
}
