package dev.rightsdesk.intake.ratelimit;

import dev.rightsdesk.intake.web.WebErrors;
import dev.rightsdesk.intake.web.WebPages;
import dev.rightsdesk.platform.error.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 with {@code Retry-After}: problem+json on the API, a page in the subject's language on the web pages. */
public class RateLimitedMapper {

    private final WebPages pages;

    public RateLimitedMapper(WebPages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri, HttpHeaders headers) {
        if (!uri.getRequestUri().getRawPath().startsWith("/api/")) {
            return WebErrors.tooMany(pages, pages.context(headers, uri), e.retryAfterSeconds());
        }
        return Response.status(429).type(Problem.MEDIA_TYPE)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .entity(Problem.of(429, "rate-limited", "Too many requests",
                        "Too many attempts in a short time; try again in " + e.retryAfterSeconds() + " seconds"))
                .build();
    }
}
