package dev.rightsdesk.intake.ratelimit;

import dev.rightsdesk.platform.error.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 with {@code Retry-After}: problem+json on the API; the web pages answer with their own page. */
public class RateLimitedMapper {

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        return Response.status(429).type(Problem.MEDIA_TYPE)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .entity(Problem.of(429, "rate-limited", "Too many requests",
                        "Too many attempts in a short time; try again in " + e.retryAfterSeconds() + " seconds"))
                .build();
    }
}
