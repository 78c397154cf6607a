package dev.rightsdesk.system;

import dev.rightsdesk.ticket.RequestType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One connected system, as declared in the systems file and validated at start. The descriptive fields
 * (categories, purposes, retention, source, recipients, automated decisions, transfers) feed the Art. 15
 * answer; {@code identityTypes} limits which of the subject's identifiers the system's commands carry.
 *
 * @param key stable key, lower case ({@code crm}); names the default topic {@code dsr.tasks.<key>}
 * @param identityTypes {@code email}, {@code name}, or the name of an identifier given at intake ({@code customerId})
 * @param topic the Kafka topic the system reads its commands from
 * @param replyDeadline how long the system has to give a final answer to one attempt
 * @param manual true for a system without a connector: no command is sent, an officer completes its task by hand
 * @param progressTimeout how long a system that acknowledged a task may stay silent (no answer, no further
 *                        ACKNOWLEDGED heartbeat, no chunk) before the task is sent again with the same task id;
 *                        null: it has until the reply deadline
 * @param connector the built-in connector that serves the system ({@code connector:} in the file), or null when an
 *        external service answers its commands
 * @param dryRun {@code dryRun: true}: the built-in connector executes every command and rolls it back
 */
public record ConnectedSystem(
        String key,
        String displayName,
        SystemKind kind,
        Set<RequestType> requestTypes,
        List<String> identityTypes,
        List<String> dataCategories,
        List<String> purposes,
        String retention,
        String source,
        List<String> recipients,
        String automatedDecisionMaking,
        String transfers,
        String topic,
        Duration replyDeadline,
        boolean manual,
        Duration progressTimeout,
        ConnectorBlock connector,
        boolean dryRun) {

    /** The identity type that means the subject's e-mail address. */
    public static final String EMAIL = "email";
    /** The identity type that means the subject's name. */
    public static final String NAME = "name";

    public static String defaultTopic(String key) {
        return "dsr.tasks." + key;
    }

    /**
     * When to look at a task again that showed progress at {@code now}: after the progress timeout, never later
     * than the reply deadline {@code replyDue}.
     */
    public Instant nextLookAfterProgress(Instant now, Instant replyDue) {
        if (progressTimeout == null) {
            return replyDue;
        }
        Instant silentUntil = now.plus(progressTimeout);
        return replyDue == null || silentUntil.isBefore(replyDue) ? silentUntil : replyDue;
    }

    /** True when Rightsdesk's own worker answers this system's commands. */
    public boolean builtIn() {
        return connector != null;
    }

    public boolean handles(RequestType type) {
        return requestTypes.contains(type);
    }
}
