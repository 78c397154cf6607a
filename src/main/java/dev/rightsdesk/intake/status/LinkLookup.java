package dev.rightsdesk.intake.status;

import dev.rightsdesk.intake.mail.SubjectMailer;
import dev.rightsdesk.intake.ratelimit.RateLimiter;
import dev.rightsdesk.platform.crypto.BlindIndex;
import dev.rightsdesk.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * "I lost the link to my request": mails the status links of an address's confirmed requests to that
 * address. The answer is the same whether or not the address is known, and the look-up and the mail happen
 * after the answer, on another thread, so its timing does not tell either.
 */
@ApplicationScoped
public class LinkLookup {

    private static final Logger LOG = Logger.getLogger(LinkLookup.class);
    private static final int MAX_LINKS = 20;

    private final BlindIndex blindIndex;
    private final RateLimiter limiter;
    private final SubjectMailer mailer;
    private final StatusLinks links;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "subject-link-lookup");
        t.setDaemon(true);
        return t;
    });

    public LinkLookup(BlindIndex blindIndex, RateLimiter limiter, SubjectMailer mailer, StatusLinks links) {
        this.blindIndex = blindIndex;
        this.limiter = limiter;
        this.mailer = mailer;
        this.links = links;
    }

    /** Counts the attempt (429 over the limit), then looks up and mails in the background. */
    public void requestLinks(String email, String lang, String clientAddress) {
        String hash = blindIndex.ofEmail(email);
        limiter.hit(RateLimiter.Action.LOOKUP, clientAddress, hash);
        worker.submit(() -> send(hash, lang));
    }

    private void send(String hash, String lang) {
        try {
            record Found(String email, List<SubjectMailer.LinkItem> items) {
            }
            Found found = QuarkusTransaction.requiringNew().call(() -> {
                List<Ticket> tickets = Ticket.find("subjectEmailHash = ?1 and verifiedAt is not null "
                        + "and statusTokenHash is not null order by receivedAt desc", hash).page(0, MAX_LINKS).list();
                if (tickets.isEmpty()) {
                    return null;
                }
                List<SubjectMailer.LinkItem> items = tickets.stream()
                        .flatMap(t -> links.tokenOf(t.id).map(token -> new SubjectMailer.LinkItem(t.type, t.receivedOn, token))
                                .stream())
                        .toList();
                return new Found(tickets.get(0).subjectEmail, items);
            });
            if (found != null && !found.items().isEmpty()) {
                mailer.sendLinks(found.email(), lang, found.items());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Status-link mail not sent (%s)", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
