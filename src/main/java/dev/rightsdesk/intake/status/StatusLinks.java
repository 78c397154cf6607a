package dev.rightsdesk.intake.status;

import dev.rightsdesk.intake.PublicAddress;
import dev.rightsdesk.intake.SubjectSecrets;
import dev.rightsdesk.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The subject's status link {@code /status/<token>}: a random 256-bit token, separate from the ticket id.
 * The ticket id is handed to whoever submits (it is in the API's Location header); the token only to whoever
 * proves control of the mailbox (mails after verification, or the redirect right after entering the code), so
 * the reasons of an extension or refusal are shown only to the subject. Stored as SHA-256 in
 * {@code ticket.status_token_hash} to find the ticket, and encrypted for re-sending.
 */
@ApplicationScoped
@Transactional
public class StatusLinks {

    /** Path of the status page; the token follows. */
    public static final String PAGE = "/status/";

    private final SubjectSecrets secrets;
    private final PublicAddress address;

    public StatusLinks(SubjectSecrets secrets, PublicAddress address) {
        this.secrets = secrets;
        this.address = address;
    }

    /** Gives a new ticket its token (in the ticket's own transaction). */
    public void create(Ticket ticket) {
        String token = secrets.newToken();
        ticket.statusTokenHash = SubjectSecrets.tokenHash(token);
        StatusLink link = new StatusLink();
        link.ticketId = ticket.id;
        link.token = token;
        link.createdAt = Instant.now();
        link.persist();
    }

    /** The token of a ticket, or empty when it has none (purged, or created before this feature). */
    public Optional<String> tokenOf(UUID ticketId) {
        return StatusLink.<StatusLink>findByIdOptional(ticketId).map(l -> l.token);
    }

    /** Whether {@code token} is the status token of {@code ticket}. */
    public static boolean matches(Ticket ticket, String token) {
        return SubjectSecrets.wellFormedToken(token) && ticket.statusTokenHash != null
                && SubjectSecrets.same(ticket.statusTokenHash, SubjectSecrets.tokenHash(token));
    }

    /** The absolute status-page address for mails. */
    public String url(String token) {
        return base() + PAGE + token;
    }

    /** The absolute verification-page address for mails. */
    public String verifyUrl(UUID ticketId) {
        return base() + "/requests/" + ticketId + "/verify";
    }

    private String base() {
        return address.base();
    }

    /** Removes the link of a purged ticket; the page then no longer opens. */
    public void forget(Ticket ticket) {
        StatusLink.deleteById(ticket.id);
        ticket.statusTokenHash = null;
    }
}
