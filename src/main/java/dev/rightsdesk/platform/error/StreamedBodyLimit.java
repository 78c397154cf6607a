package dev.rightsdesk.platform.error;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's body limit for bodies that do not say their length ({@code Transfer-Encoding: chunked}):
 * {@link BodySizeLimit} can only refuse a {@code Content-Length} before reading. Here the body is counted while it is
 * read, and reading stops with a 413 problem at the same limit (or a route's larger one, {@link BodySizeLimit#OVERRIDE}).
 * Without it a chunked body passed the 64 KiB limit up to Vert.x's 1 MiB backstop, which answered a bare 413 and
 * logged errors.
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {

    private final long maxBytes;
    private final CurrentVertxRequest request;

    public StreamedBodyLimit(@ConfigProperty(name = "rightsdesk.api.max-body-size", defaultValue = "65536") long maxBytes,
            CurrentVertxRequest request) {
        this.maxBytes = maxBytes;
        this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RoutingContext rc = request.getCurrent();
        Long override = rc == null ? null : rc.get(BodySizeLimit.OVERRIDE);
        long limit = override != null ? override : maxBytes;
        jakarta.ws.rs.core.MediaType type = context.getMediaType();
        boolean text = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")
                || type.getType().equals("text"));
        context.setInputStream(new Limited(context.getInputStream(), limit, text));
        return context.proceed();
    }

    /**
     * Why reading stopped. An {@link IOException} on purpose: Jackson passes I/O errors of its input through as they
     * are, where it would wrap any other exception into a "wrong shape" error; {@link RefusedBodyMapper} answers it.
     */
    public static final class Refused extends IOException {
        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.detail(), null);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** 413 as the API answers it everywhere. */
    static Refused tooLarge(long limit) {
        return new Refused(Problem.of(413, "payload-too-large", "Payload too large", "The body must be at most " + limit + " bytes"));
    }

    /** 400 for text that is not UTF-8: Java's decoders would store U+FFFD in its place without a word. */
    static Refused notUtf8() {
        return new Refused(Problem.of(ProblemException.invalid("The body is not valid UTF-8",
                new ProblemException.FieldViolation("body", "must be UTF-8"))));
    }

    /** Counts what is read and stops past the limit; checks text bodies are UTF-8 on the way. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private final Utf8 utf8;
        private long count;

        Limited(InputStream in, long limit, boolean text) {
            super(in);
            this.limit = limit;
            this.utf8 = text ? new Utf8() : null;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
                check(b);
            } else {
                end();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
                for (int i = off; i < off + n; i++) {
                    check(b[i]);
                }
            } else if (n < 0) {
                end();
            }
            return n;
        }

        private void check(int b) throws Refused {
            if (utf8 != null && !utf8.accept(b)) {
                throw notUtf8();
            }
        }

        private void end() throws Refused {
            if (utf8 != null && !utf8.complete()) {
                throw notUtf8();
            }
        }

        @Override
        public long skip(long n) throws IOException {
            // read rather than skip, so that the skipped bytes are counted and checked too
            byte[] sink = new byte[(int) Math.min(8192, Math.max(0, n))];
            int r = sink.length == 0 ? 0 : read(sink, 0, sink.length);
            return Math.max(0, r);
        }

        private void counted(long n) throws Refused {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
