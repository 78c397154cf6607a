package dev.rightsdesk.ai.remediation;

import dev.rightsdesk.ai.AiConfig;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketAnnounced;
import dev.rightsdesk.ticket.TicketEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * When a model remediation is due: derived from its ticket's deadline when it opens, and moved with it when
 * an officer extends the ticket (Art. 12(3)), so a remediation is never due before the answer it belongs to
 * needs it.
 */
@ApplicationScoped
public class RemediationDeadlines {

    /** Ticket event: a remediation's due date moved with its ticket's extended deadline. */
    public static final String RESCHEDULED = "model-remediation-rescheduled";

    private static final Logger LOG = Logger.getLogger(RemediationDeadlines.class);

    private final AiConfig.Remediation config;
    private final TicketEvents events;
    private final Clock clock;

    public RemediationDeadlines(AiConfig config, TicketEvents events, Clock clock) {
        this.config = config.remediation();
        this.events = events;
        this.clock = clock;
    }

    /** Today in the ticket's time zone: the day that counts for its dates (D1). */
    LocalDate today(Ticket ticket) {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(ticket.zone));
    }

    /**
     * The ticket's effective due date minus the configured margin; never before today. Where the margin
     * would fall in the past the ticket's own due date is used, and today where even that has passed.
     */
    LocalDate dueFor(Ticket ticket, LocalDate today) {
        LocalDate due = ticket.effectiveDue.minusDays(config.dueMarginDays());
        if (!due.isBefore(today)) {
            return due;
        }
        return ticket.effectiveDue.isBefore(today) ? today : ticket.effectiveDue;
    }

    /**
     * Runs inside the extension's transaction (ticket events are fired synchronously by
     * {@link TicketEvents#announce}), so the ticket's new deadline and its remediations' new due dates commit
     * together or not at all.
     */
    void onAnnounced(@Observes TicketAnnounced announced) {
        if (TicketEvents.EXTENDED.equals(announced.name())) {
            followExtension(announced.data().ticketId());
        }
    }

    private void followExtension(UUID ticketId) {
        // ticket first, then its remediations: the lock order every writer of a remediation takes
        Ticket ticket = Ticket.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null) {
            return;
        }
        LocalDate today = today(ticket);
        LocalDate due = dueFor(ticket, today);
        for (ModelRemediation r : ModelRemediation.forTicket(ticketId)) {
            if (r.isResolved()) {
                continue;
            }
            ModelRemediation.getEntityManager().refresh(r, LockModeType.PESSIMISTIC_WRITE);
            // Every due date in this feature is derived from the ticket's deadline (dueFor): neither officers
            // nor registries set one (a RETRAIN_SCHEDULED expectedBy is evidence of a plan, checked against the
            // due date by the watch, not a due date). So every open remediation follows the extension. Only
            // later: a due date is never shortened, e.g. one opened late and clamped to the ticket's own due date.
            if (r.isResolved() || !due.isAfter(r.dueDate)) {
                continue;
            }
            LocalDate previous = r.dueDate;
            r.dueDate = due;
            r.updatedAt = clock.instant();
            events.announce(ticket, RESCHEDULED, null, detail(r, previous));
            LOG.infof("Ticket %s: remediation %s due %s (was %s) after the extension", ticketId, r.id, due, previous);
        }
    }

    private static Map<String, Object> detail(ModelRemediation r, LocalDate previous) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("remediationId", r.id);
        d.put("system", r.systemKey);
        d.put("model", r.modelName);
        d.put("modelVersion", r.modelVersion);
        d.put("state", r.state);
        d.put("previousDueDate", previous.toString());
        d.put("dueDate", r.dueDate.toString());
        return d;
    }
}
