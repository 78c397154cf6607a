package dev.rightsdesk.fanout;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A completion gate for tests: holds the tickets put in {@link #HELD}, nothing else. */
@ApplicationScoped
public class HoldingGate implements CompletionGate {

    static final Set<UUID> HELD = ConcurrentHashMap.newKeySet();

    @Override
    public boolean blocksCompletion(UUID ticketId) {
        return HELD.contains(ticketId);
    }

    @Override
    public String name() {
        return "test-hold";
    }
}
