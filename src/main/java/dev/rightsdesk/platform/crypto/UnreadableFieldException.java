package dev.rightsdesk.platform.crypto;

/**
 * An encrypted personal field that cannot be read: not in the rd1 format, changed, sealed for another ticket or
 * field, or under a key that is unknown or destroyed. The message names the field and the rule, never a value.
 */
public class UnreadableFieldException extends RuntimeException {

    private final String path;

    public UnreadableFieldException(String path, String rule) {
        super(path + " " + rule, null, false, false);
        this.path = path;
    }

    /** The field, e.g. {@code subject.email} or {@code corrections[0].correctedValue}. */
    public String path() {
        return path;
    }
}
