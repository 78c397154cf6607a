package dev.rightsdesk.platform.error;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a body {@link StreamedBodyLimit} stopped reading: 413 (too large) or 400 (not UTF-8), as problem+json. */
public class RefusedBodyMapper {

    @ServerExceptionMapper
    public Response refused(StreamedBodyLimit.Refused refused) {
        Problem problem = refused.problem();
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        // the rest of an oversized body is left unread: this connection cannot carry another request
        return problem.status() == 413 ? answer.header("Connection", "close").build() : answer.build();
    }
}
