package dev.rightsdesk.ticket;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The short reference a subject quotes and an officer searches by: {@code RD-} and the first eight hex digits of
 * the ticket id, e.g. {@code RD-3F2A9C1B}. It reveals nothing (the id is random) and is unique enough to find
 * the ticket; a search by it may, rarely, list more than one.
 */
public final class TicketReference {

    public static final String PREFIX = "RD-";

    private TicketReference() {
    }

    public static String of(UUID id) {
        return PREFIX + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The id range a typed reference, id or id prefix covers: [low, high]; empty if it is none of them. */
    public static Optional<UUID[]> range(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String hex = typed.trim().toLowerCase(Locale.ROOT);
        if (hex.startsWith(PREFIX.toLowerCase(Locale.ROOT))) {
            hex = hex.substring(PREFIX.length());
        }
        hex = hex.replace("-", "");
        // Six digits at least: shorter prefixes would list thousands of tickets at scale.
        if (hex.length() < 6 || hex.length() > 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        String low = (hex + "0".repeat(32)).substring(0, 32);
        String high = (hex + "f".repeat(32)).substring(0, 32);
        return Optional.of(new UUID[] {uuid(low), uuid(high)});
    }

    private static UUID uuid(String hex32) {
        return UUID.fromString(hex32.substring(0, 8) + "-" + hex32.substring(8, 12) + "-" + hex32.substring(12, 16)
                + "-" + hex32.substring(16, 20) + "-" + hex32.substring(20));
    }
}
