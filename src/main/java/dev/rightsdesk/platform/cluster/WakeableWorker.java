package dev.rightsdesk.platform.cluster;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * One dedicated thread that drains a table-backed queue (the outbox relay, the audit sealer): it runs a round when
 * woken (right after a commit that added work) or every poll interval (work written by other replicas), and keeps
 * running rounds while a round comes back full. A failed round is logged and tried again at the next wake-up.
 */
public final class WakeableWorker {

    private static final Logger LOG = Logger.getLogger(WakeableWorker.class);

    private final String name;
    private final Duration pollInterval;
    private final int batchSize;
    private final IntSupplier round;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param round does one round and returns how much it did; a result of at least {@code batchSize} means there
     *              may be more, so the next round follows at once
     */
    public WakeableWorker(String name, Duration pollInterval, int batchSize, IntSupplier round) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.round = round;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the current round, waiting at most {@code grace} for it. */
    public void stop(Duration grace) {
        running = false;
        Thread t = thread;
        if (t != null) {
            wake();
            try {
                t.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs a round now rather than at the next poll. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                int done;
                do {
                    done = round.getAsInt();
                } while (running && done >= batchSize);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s round failed, will retry: %s", name, e.getMessage());
            }
        }
    }
}
