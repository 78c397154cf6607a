package dev.rightsdesk.fanout;

import java.util.UUID;

/**
 * Holds a ticket open after its tasks are final. Features implement it as a CDI bean (the AI-rights
 * feature: while a model remediation is unresolved); the fan-out consults every gate before it moves a
 * ticket to READY_FOR_RESPONSE, and a feature calls {@link FanoutService#reconsider(UUID)} when its
 * reason to block goes away. Called inside the deciding transaction; must not change anything.
 */
public interface CompletionGate {

    /** True while the ticket must not yet be ready for the response. */
    boolean blocksCompletion(UUID ticketId);

    /** A short, non-personal label for warnings and events, e.g. {@code model-remediations}. */
    String name();
}
