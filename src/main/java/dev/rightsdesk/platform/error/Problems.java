package dev.rightsdesk.platform.error;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Writes a {@link Problem} as the HTTP answer, the same way on both paths a refusal can take: a JAX-RS response (for
 * {@link ProblemMapper}) and a Vert.x routing context (for the filters that refuse before any resource runs: body
 * size, admission, sign-in). The only code that sets the problem media type.
 */
public final class Problems {

    private Problems() {
    }

    /** The JAX-RS answer for {@code problem}, with extra {@code headers} (Retry-After, WWW-Authenticate). */
    public static Response response(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder r = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(r::header);
        return r.build();
    }

    /** The answer for a typed exception: its problem and its headers. */
    public static Response response(ProblemException e) {
        return response(Problem.of(e), e.headers());
    }

    /** Ends the exchange with {@code problem}, for the filters that run before JAX-RS. */
    public static void send(RoutingContext rc, Problem problem, Map<String, String> headers) {
        var response = rc.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(Json.encode(problem));
    }
}
