package dev.rightsdesk.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, as every API error is answered. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<ProblemException.FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://rightsdesk.dev/problems/";

    public static Problem of(ProblemException e) {
        return new Problem(TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), e.violations());
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }
}
