package dev.rightsdesk.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.Progress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * One command record, from reading to the acknowledged answer: deduplicated against the {@link TaskLog}, executed by
 * the engine (ACKNOWLEDGED first when it takes long), answered on {@code dsr.task-results}, and recorded as done.
 * When the task log or the broker is unavailable it waits and tries again: a command is never given up, only left
 * uncommitted for the next start.
 */
final class CommandRun {

    private static final Logger LOG = Logger.getLogger(CommandRun.class);

    /** Makes runs for one worker. */
    record Factory(ConnectorWorker.Settings settings, DataStoreConnector engine, TaskLog log,
            KafkaProducer<String, String> producer, ScheduledExecutorService timers, CommandReader reader,
            ResultWriter writer, ObjectMapper json, BooleanSupplier running) {

        CommandRun of(String value) {
            return new CommandRun(this, value);
        }
    }

    private final Factory f;
    private CommandReader.Read read;
    private CommandReader.Unreadable unreadable;

    private CommandRun(Factory f, String value) {
        this.f = f;
        try {
            this.read = f.reader().read(value);
        } catch (CommandReader.Unreadable e) {
            this.unreadable = e;
        }
    }

    /** The task the record is about, or null when unknown. */
    UUID taskId() {
        return read != null ? read.command().taskId() : unreadable != null ? unreadable.taskId : null;
    }

    /**
     * Returns true when the record is done with (answered, or nothing to do), false when it was left for the next
     * start: then its offset must not be committed.
     */
    boolean execute() {
        long pause = 500;
        while (true) {
            try {
                return executeOnce();
            } catch (Exception e) {
                if (!f.running().getAsBoolean()) {
                    LOG.infof("Connector %s left task %s for the next start", f.settings().systemKey(), taskId());
                    return false;
                }
                LOG.warnf("Connector %s could not finish task %s, trying again in %d ms: %s", f.settings().systemKey(),
                        taskId(), pause, e.getClass().getSimpleName());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private boolean executeOnce() throws Exception {
        if (read == null) {
            if (unreadable != null && unreadable.taskId != null && unreadable.ticketId != null) {
                // Tell Rightsdesk instead of staying silent until the reply deadline; no retry would read it better.
                send(f.writer().results(unreadable.taskId, unreadable.ticketId, unreadable.attempt,
                        ConnectorResult.failed(false, unreadable.getMessage(), null)));
            }
            if (unreadable != null) {
                LOG.warnf("Connector %s skipped a command it cannot read: %s", f.settings().systemKey(), unreadable.getMessage());
            }
            return true;
        }
        ConnectorCommand command = read.command();
        Optional<TaskLog.Entry> entry = f.log().find(command.taskId());
        if (entry.isPresent() && entry.get().state() == TaskLog.State.DONE && read.eventId().equals(entry.get().commandId())) {
            LOG.debugf("Connector %s: command %s of task %s already answered", f.settings().systemKey(), read.eventId(),
                    command.taskId());
            return true;
        }
        if (entry.isPresent() && entry.get().finallyAnswered() && entry.get().result() != null
                && command.action() != ConnectorCommand.Action.ACCESS) {
            // Re-sent although answered (our answer came after the reply deadline): the same answer, not the work again.
            ObjectNode stored = (ObjectNode) f.json().readTree(entry.get().result());
            send(List.of(f.writer().again(stored, command.attempt())));
            f.log().done(command.taskId(), read.eventId(), command.attempt(), entry.get().outcome(),
                    entry.get().retryable(), entry.get().result());
            return true;
        }
        f.log().begin(command.taskId(), f.settings().systemKey(), command.ticketId(), command.action().name(),
                command.attempt(), read.eventId());
        Replies replies = new Replies(command);
        ScheduledFuture<?> ack = f.timers().schedule(replies::acknowledge, f.settings().acknowledgeAfter().toMillis(),
                TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        ConnectorResult result;
        try {
            result = f.engine().execute(command, replies);
            if (result == null) {
                result = ConnectorResult.failed(true, "the connector returned no result", null);
            }
        } catch (ConnectorFailure e) {
            result = ConnectorResult.failed(e.retryable(), e.getMessage(), null);
        } catch (RuntimeException e) {
            // The message of an unexpected exception may quote data: only its class goes out.
            result = ConnectorResult.failed(true, "the connector failed unexpectedly (" + e.getClass().getSimpleName() + ")", null);
        } finally {
            ack.cancel(false);
        }
        replies.finish();
        if (result.outcome() == ConnectorResult.Outcome.FAILED && !f.running().getAsBoolean()) {
            // Most likely cut short by the stop itself: not the store's failure. Left IN_PROGRESS and uncommitted,
            // the command is executed again by the next start (or the consumer that takes over the partition).
            LOG.infof("Connector %s left task %s for the next start", f.settings().systemKey(), command.taskId());
            return false;
        }
        List<ResultWriter.Out> outs = f.writer().results(command.taskId(), command.ticketId(), command.attempt(), result);
        send(outs);
        ObjectNode sent = ResultWriter.withoutAnswer((ObjectNode) f.json().readTree(outs.get(0).value()).path("data"));
        f.log().done(command.taskId(), read.eventId(), command.attempt(), result.outcome().name(),
                result.outcome() == ConnectorResult.Outcome.FAILED && result.retryable(), sent.toString());
        LOG.infof("Connector %s answered task %s (attempt %d, %s) in %d ms: %s", f.settings().systemKey(),
                command.taskId(), command.attempt(), command.action(), (System.nanoTime() - started) / 1_000_000,
                result.outcome());
        return true;
    }

    /** Sends and waits for the broker's acknowledgement of every record, in order. */
    private void send(List<ResultWriter.Out> outs) throws Exception {
        var futures = outs.stream()
                .map(o -> f.producer().send(new ProducerRecord<>(ResultWriter.RESULTS_TOPIC, o.key(), o.value())))
                .toList();
        for (var future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
    }

    /** What the engine may say before its final answer. */
    private final class Replies implements Progress {
        private final ConnectorCommand command;
        private boolean acknowledged;
        private boolean finished;

        Replies(ConnectorCommand command) {
            this.command = command;
        }

        @Override
        public synchronized void acknowledge() {
            if (acknowledged || finished) {
                return;
            }
            acknowledged = true;
            try {
                send(List.of(f.writer().acknowledged(command.taskId(), command.ticketId(), command.attempt())));
            } catch (Exception e) {
                // only a courtesy: the final answer follows anyway
                LOG.debugf("Connector %s could not acknowledge task %s: %s", f.settings().systemKey(), command.taskId(),
                        e.getClass().getSimpleName());
            }
        }

        @Override
        public synchronized void interim(ConnectorResult result) {
            if (finished) {
                return;
            }
            try {
                send(f.writer().results(command.taskId(), command.ticketId(), command.attempt(), result));
            } catch (Exception e) {
                throw new IllegalStateException("interim result not sent: " + e.getClass().getSimpleName());
            }
        }

        synchronized void finish() {
            finished = true;
        }
    }
}
