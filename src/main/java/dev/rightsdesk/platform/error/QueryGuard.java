package dev.rightsdesk.platform.error;

import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters no field here can hold, before any resource reads them: bytes that are not UTF-8 once
 * percent-decoded, and control characters such as NUL ({@code ?assignee=x%00y}), which PostgreSQL refuses in text
 * and which used to surface as a 500. Answers 400 naming the parameter, never echoing its value.
 */
public class QueryGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            byte[] name = decode(rawName);
            byte[] value = decode(rawValue);
            String field = name != null && usable(name) ? new String(name, java.nio.charset.StandardCharsets.UTF_8) : "query";
            if (name == null || value == null || !usable(name) || !usable(value)) {
                Problem problem = Problem.of(ProblemException.invalid("A query parameter holds characters it may not hold",
                        new FieldViolation(field, "must be UTF-8 text without control characters")));
                return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
            }
        }
        return Optional.empty();
    }

    /** UTF-8 without C0 controls or DEL. */
    static boolean usable(byte[] bytes) {
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20) || b == 0x7f) {
                return false;
            }
        }
        return Utf8.valid(bytes);
    }

    /** Percent-decodes ({@code +} is a space); null for a broken escape. */
    static byte[] decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }
}
