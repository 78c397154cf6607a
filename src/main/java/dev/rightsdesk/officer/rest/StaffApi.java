package dev.rightsdesk.officer.rest;

import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * What the staff resources share: the two ways to sign in (OpenAPI security schemes) and strict parsing of path
 * and query values into problems that name the parameter.
 */
@SecurityScheme(securitySchemeName = "staffBasic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Built-in users of the embedded run (officer, admin, auditor)")
@SecurityScheme(securitySchemeName = "staffBearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Access token from the OIDC provider (production)")
public final class StaffApi {

    private StaffApi() {
    }

    public static UUID ticketId(String id) {
        return uuid(id, "Ticket");
    }

    public static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what);
        }
    }

    /** null when absent or blank; {@code true}/{@code false} otherwise, anything else a 400 naming the parameter. */
    public static Boolean bool(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid("Not a yes/no value for " + param,
                    new FieldViolation(param, "must be true or false"));
        };
    }

    /** A count of days from 0 to 3660, or null when absent. */
    public static Integer days(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 0 && days <= 3660) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("Not a number of days for " + param,
                new FieldViolation(param, "must be a whole number of days from 0 to 3660"));
    }

    public static <E extends Enum<E>> List<E> enums(List<String> values, Class<E> type, String param) {
        List<E> parsed = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(Enum.valueOf(type, part.trim().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("Unknown value for " + param,
                            new FieldViolation(param, "must be one of " + List.of(type.getEnumConstants())));
                }
            }
        }
        return parsed;
    }
}
