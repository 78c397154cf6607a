package dev.rightsdesk.intake.status;

import dev.rightsdesk.intake.SubjectSecrets;
import dev.rightsdesk.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Reads a request's status for the subject: by ticket id (bare), or with the status token (with reasons). */
@ApplicationScoped
@Transactional
public class StatusService {

    /** A ticket and, when the caller holds its status token, the subject's full view of it. */
    public record Found(Ticket ticket, SubjectStatus status) {

        public boolean withReasons() {
            return status != null;
        }
    }

    /** By id; the reasons only when {@code token} is the ticket's status token. */
    public Optional<Found> byId(UUID id, String token) {
        return Ticket.<Ticket>findByIdOptional(id).map(t -> new Found(t,
                token != null && StatusLinks.matches(t, token.trim()) ? SubjectStatus.of(t) : null));
    }

    /** By status token alone (the status page). */
    public Optional<Found> byToken(String token) {
        if (!SubjectSecrets.wellFormedToken(token)) {
            return Optional.empty();
        }
        return Ticket.<Ticket>find("statusTokenHash", SubjectSecrets.tokenHash(token))
                .firstResultOptional()
                .filter(t -> StatusLinks.matches(t, token))
                .map(t -> new Found(t, SubjectStatus.of(t)));
    }
}
