package dev.rightsdesk.fanout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How tasks are sent, retried and answered: {@code rightsdesk.fanout.*}. */
@ConfigMapping(prefix = "rightsdesk.fanout")
public interface FanoutConfig {

    /**
     * {@code rightsdesk.fanout.max-attempts}: commands sent per task before a silent or failing system is escalated
     * to an officer (the first send counts).
     */
    @WithDefault("3")
    int maxAttempts();

    /**
     * {@code rightsdesk.fanout.backoff-multiplier}: attempt n waits the system's reply deadline times this to the
     * power n-1 (5 days, 10 days, 20 days with the defaults), capped at 31 days.
     */
    @WithDefault("2")
    int backoffMultiplier();

    /**
     * {@code rightsdesk.fanout.failed-retry-delay}: after a retryable FAILED answer, the wait before the next attempt,
     * doubled per attempt and never longer than the system's reply deadline.
     */
    @WithDefault("5m")
    Duration failedRetryDelay();

    /** {@code rightsdesk.fanout.retry-interval}: how often the retry job looks for silent systems ({@code off} disables it). */
    @WithDefault("1m")
    String retryInterval();

    /** {@code rightsdesk.fanout.retry-batch-size}: tasks the retry job handles per transaction. */
    @WithDefault("200")
    int retryBatchSize();

    /**
     * {@code rightsdesk.fanout.inline-answer-limit}: largest access answer (bytes of its UTF-8 JSON) a result may
     * carry inline; larger answers come in chunks. Part of the contract in {@code docs/events.md}.
     */
    @WithDefault("262144")
    int inlineAnswerLimit();

    /** {@code rightsdesk.fanout.max-answer-chunks}: most chunks one answer may be split into (each at most the inline limit). */
    @WithDefault("64")
    int maxAnswerChunks();
}
