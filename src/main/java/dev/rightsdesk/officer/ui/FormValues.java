package dev.rightsdesk.officer.ui;

import dev.rightsdesk.officer.rest.StaffApi;
import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

/** Reading form fields: blanks as absent, codes as enums (a 400 problem naming the field), violations as a problem. */
final class FormValues {

    private FormValues() {
    }

    static Problem invalid(ConstraintViolationException e) {
        List<FieldViolation> fields = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            fields.add(new FieldViolation(path.substring(path.lastIndexOf('.') + 1), v.getMessage()));
        });
        return new Problem(Problem.TYPE_BASE + "invalid-request", "The request is not valid", 400,
                "One or more fields are not valid", fields);
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<E> parsed = StaffApi.enums(List.of(value), type, field);
        return parsed.isEmpty() ? null : parsed.get(0);
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
