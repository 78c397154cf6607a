package dev.rightsdesk.platform.error;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 415 when a JSON endpoint gets a request without {@code Content-Type}: Quarkus would otherwise read the
 * body as JSON anyway. A browser page on another site can send exactly that (a {@code fetch} of a Blob, no
 * preflight) with the staff member's remembered Basic credentials; requiring {@code application/json} forces the
 * CORS preflight, which this service never grants. A wrong type is refused by JAX-RS itself ({@code @Consumes}),
 * answered by {@link ProblemMapper}.
 */
public class JsonContentType {

    @ServerRequestFilter
    public Optional<Response> require(ContainerRequestContext request, ResourceInfo resource) {
        if (!hasBody(request.getMethod()) || request.getHeaderString("Content-Type") != null
                || !consumesJson(resource)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(415).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                        "Send the body as application/json (Content-Type: application/json)"))
                .build());
    }

    private static boolean hasBody(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    static boolean consumesJson(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.stream(consumes.value()).anyMatch(v -> v.contains(MediaType.APPLICATION_JSON));
    }
}
