package dev.rightsdesk.intake.ratelimit;

import dev.rightsdesk.intake.web.WebErrors;
import dev.rightsdesk.intake.web.WebPages;
import dev.rightsdesk.platform.error.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 429 on the subject's web pages: a page in their language. On the API the exception is a {@code ProblemException}
 * like any other, answered by the one mapping ({@code Problems}).
 */
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
        return Problems.response(e);
    }
}
