package dev.rightsdesk.platform.error;

import java.util.List;

/**
 * The one exception type the API answers as RFC 9457 {@code application/problem+json}.
 * Its messages never carry personal data: they name fields and rules, not values.
 */
public class ProblemException extends RuntimeException {

    /** One offending input field: its JSON path and what is wrong with it. */
    public record FieldViolation(String field, String message) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldViolation> violations;

    public ProblemException(int status, String type, String title, String detail, List<FieldViolation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** 400: the input breaks a rule; names the fields. */
    public static ProblemException invalid(String detail, FieldViolation... violations) {
        return new ProblemException(400, "invalid-request", "The request is not valid", detail, List.of(violations));
    }

    /** 404: nothing is known under that id (or the caller may not know it exists). */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found", List.of());
    }

    /** 409: the action is not allowed in the resource's current state. */
    public static ProblemException conflict(String type, String title, String detail) {
        return new ProblemException(409, type, title, detail, List.of());
    }

    /** 422: well-formed, but the legal rules refuse it (for example an extension after the due date). */
    public static ProblemException refused(String type, String title, String detail, FieldViolation... violations) {
        return new ProblemException(422, type, title, detail, List.of(violations));
    }

    public int status() {
        return status;
    }

    /** Short stable slug; the mapper turns it into the problem's {@code type} URI. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
