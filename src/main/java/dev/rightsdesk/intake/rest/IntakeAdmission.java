package dev.rightsdesk.intake.rest;

import dev.rightsdesk.intake.IntakeAdmissionConfig;
import dev.rightsdesk.platform.error.BodySizeLimit;
import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Load shedding for submissions. Past {@code rightsdesk.intake.max-in-flight} submissions at once, another one is
 * answered 503 with {@code Retry-After: 1} on the event loop, before it is read, validated or queued for a worker:
 * under a burst the service keeps answering the submissions it accepted quickly and tells the others to come back,
 * instead of letting every request wait in a queue until its client gives up (and then doing the work anyway).
 * Nothing is stored for a shed submission; the client's retry with its {@code Idempotency-Key} is safe.
 */
@ApplicationScoped
public class IntakeAdmission {

    /** Runs before the body-size check: a shed request should cost as little as possible. */
    static final int ORDER = BodySizeLimit.ORDER - 100;
    private static final Logger LOG = Logger.getLogger(IntakeAdmission.class);
    private static final String API = "/api/v1/requests";
    private static final String FORM = "/request/";

    private final Semaphore permits;
    private final Counter shed;

    public IntakeAdmission(IntakeAdmissionConfig config, MeterRegistry registry) {
        this.permits = config.maxInFlight() > 0 ? new Semaphore(config.maxInFlight()) : null;
        this.shed = Counter.builder("rightsdesk.intake.shed")
                .description("Submissions answered 503 because the instance was at rightsdesk.intake.max-in-flight")
                .register(registry);
    }

    void register(@Observes Router router) {
        if (permits != null) {
            router.route().order(ORDER).handler(this::admit);
        }
    }

    void admit(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST || !isSubmission(rc.normalizedPath())) {
            rc.next();
            return;
        }
        if (!permits.tryAcquire()) {
            shed.increment();
            LOG.debug("Submission shed: the instance is at its max-in-flight");
            var problem = Problem.of(503, "busy", "Busy", "Too many requests are being handled right now; nothing was"
                    + " stored. Try again in a second (with the same Idempotency-Key, if you sent one).");
            Problems.send(rc, problem, Map.of("Retry-After", "1"));
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
        rc.addEndHandler(done -> release.run());
        rc.next();
    }

    private static boolean isSubmission(String path) {
        return API.equals(path) || API.concat("/").equals(path)
                || path.startsWith(FORM) && path.indexOf('/', FORM.length()) < 0;
    }
}
