package dev.rightsdesk.platform.lifecycle;

import dev.rightsdesk.platform.cluster.ClusterLock;
import dev.rightsdesk.platform.messaging.BatchApplier;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The first thing a stop does, before any other shutdown observer and long before the ORM closes: Quarkus closes
 * the EntityManagerFactory in a shutdown task that runs <em>before</em> the Kafka consumers and the scheduler are
 * destroyed, so without this step a scheduled job or a consumer still at work meets "EntityManagerFactory is
 * closed", and a consumer dead-letters a valid record for it. Here, in order:
 * <ol>
 * <li>the scheduler is paused: no job starts any more;</li>
 * <li>{@link ClusterLock} refuses new locks and waits for the jobs that hold one (every job that writes does);</li>
 * <li>{@link BatchApplier} applies nothing new and waits for the batches being applied, which commit; whatever
 * the consumers are handed after this is left unsettled, its offset uncommitted, and applied after the restart.</li>
 * </ol>
 * Each wait is bounded by {@code rightsdesk.shutdown.drain-timeout}, so that the whole stop stays within 5 s.
 */
@ApplicationScoped
public class OrderlyStop {

    private static final Logger LOG = Logger.getLogger(OrderlyStop.class);

    private final Scheduler scheduler;
    private final ClusterLock locks;
    private final BatchApplier applier;
    private final ShutdownConfig config;

    public OrderlyStop(Scheduler scheduler, ClusterLock locks, BatchApplier applier, ShutdownConfig config) {
        this.scheduler = scheduler;
        this.locks = locks;
        this.applier = applier;
        this.config = config;
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        long start = System.nanoTime();
        scheduler.pause();
        Duration grace = config.drainTimeout();
        boolean jobsDone = locks.close(grace);
        boolean batchesDone = applier.stop(grace);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (jobsDone && batchesDone) {
            LOG.debugf("Scheduled jobs and consumers drained in %d ms", millis);
        } else {
            // INFO, not WARN: nothing is lost, what was cut off rolls back and is done again after the restart
            LOG.infof("Stopped after %d ms with work still running (jobs done: %s, batches done: %s); it rolls back"
                    + " and is done again after the restart", millis, jobsDone, batchesDone);
        }
    }
}
