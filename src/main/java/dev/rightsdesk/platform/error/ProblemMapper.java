package dev.rightsdesk.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns exceptions into {@code application/problem+json}. Messages name fields and
 * rules, never values: the input is not echoed back, so no personal data leaks into an error.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldViolation> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .collect(Collectors.toList());
        return respond(new Problem(Problem.TYPE_BASE + "invalid-request", "The request is not valid", 400,
                "One or more fields are not valid", fields));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(new Problem(Problem.TYPE_BASE + "invalid-request", "The request is not valid", 400,
                "The body holds a field this API does not take", List.of(new FieldViolation(jsonPath(e), "is not a known field"))));
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e) {
        String message = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + List.of(e.getTargetType().getEnumConstants()).stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))
                : "has the wrong type or format";
        return respond(new Problem(Problem.TYPE_BASE + "invalid-request", "The request is not valid", 400,
                "A field has a value of the wrong type", List.of(new FieldViolation(jsonPath(e), message))));
    }

    @ServerExceptionMapper
    public Response mismatch(JsonMappingException e) {
        String field = jsonPath(e);
        return respond(new Problem(Problem.TYPE_BASE + "invalid-request", "The request is not valid", 400,
                "The body does not have the expected shape",
                List.of(new FieldViolation(field.isEmpty() ? "body" : field, "has the wrong type or shape"))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e instanceof InvalidFormatException invalid) {
            return wrongValue(invalid);
        }
        return mismatch(e);
    }

    @ServerExceptionMapper
    public Response unparseable(JsonParseException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return respond(new Problem(Problem.TYPE_BASE + "malformed-json", "The body is not valid JSON", 400,
                "The request body could not be parsed as JSON", List.of(new FieldViolation("body", "is not valid JSON"))));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return respond(Problem.of(409, "concurrent-modification", "Changed meanwhile",
                "The resource was changed by someone else at the same moment; reload and try again"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        if (e.getCause() instanceof JsonProcessingException unparsable) {
            return malformed(unparsable);
        }
        int status = e.getResponse().getStatus();
        if (status == 400) {
            return respond(new Problem(Problem.TYPE_BASE + "malformed-request", "The request could not be read", 400,
                    "The request body or parameters could not be read", List.of(new FieldViolation("body", "could not be read"))));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            default -> "http-" + status;
        };
        String detail = switch (status) {
            case 415 -> "Send the body as application/json";
            case 404 -> "Nothing is here";
            default -> title;
        };
        if (status >= 500) {
            return unexpected(e);
        }
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug, title, detail));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("Database unavailable: %s", e.getClass().getSimpleName());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .entity(Problem.of(503, "service-unavailable", "Temporarily unavailable",
                            "The service cannot store requests right now; nothing was stored. Try again shortly."))
                    .build();
        }
        if (isClientGone(e)) {
            // The client closed the connection while its body was still arriving: nobody is there to answer.
            LOG.debugf("Client closed the connection before its request was read (%s)", e.getClass().getSimpleName());
            return respond(Problem.of(400, "incomplete-request", "Incomplete request",
                    "The connection closed before the request body was complete; nothing was stored."));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return respond(Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side; reference " + errorId));
    }

    private static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem problem) {
        return Problems.response(problem, Map.of());
    }

    private static String fieldPath(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                if (node.getKey() != null) {
                    parts.add("[" + node.getKey() + "]");
                }
                continue;
            }
            parts.add(parts.isEmpty() ? name : "." + name);
            if (node.getIndex() != null) {
                parts.add("[" + node.getIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
