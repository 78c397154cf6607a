package dev.rightsdesk.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of every typed exception the API answers as RFC 9457 {@code application/problem+json}: features throw
 * it (or a subclass such as {@code RateLimitedException}) and {@link ProblemMapper} answers it, in one place.
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
    private final transient Map<String, String> headers = new LinkedHashMap<>();

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

    /** Adds a response header the problem needs (for example {@code Retry-After}); returns this exception. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Response headers beside the problem body; empty for most. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
