package dev.rightsdesk.intake.mail;

import dev.rightsdesk.intake.status.StatusLinks;
import dev.rightsdesk.intake.status.SubjectStatus;
import dev.rightsdesk.notice.SubjectNotice;
import dev.rightsdesk.platform.cluster.ClusterLock;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketConfig;
import dev.rightsdesk.ticket.TicketEvents;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Mails the notices the {@code notice} consumer queued ({@link SubjectNotice}): received, verified, extended with
 * its reason, refused with the reasons and the complaint rights, completed, and the decision on an objection, in
 * the request's language, with the status link. One replica at a time (advisory lock); a notice whose mail failed
 * is retried on the next round, up to {@code rightsdesk.mail.notice-max-attempts}. A mail sent just before a crash
 * may be sent again (at least once).
 */
@ApplicationScoped
public class NoticeDispatcher {

    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class);

    private final SubjectMailer mailer;
    private final StatusLinks links;
    private final MailConfig config;
    private final TicketConfig.Intake intake;
    private final ClusterLock cluster;
    private volatile boolean stopping;

    public NoticeDispatcher(SubjectMailer mailer, StatusLinks links, MailConfig config, TicketConfig.Intake intake,
            ClusterLock cluster) {
        this.mailer = mailer;
        this.links = links;
        this.config = config;
        this.intake = intake;
        this.cluster = cluster;
    }

    @Scheduled(every = "${rightsdesk.mail.notice-interval:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "subject-notice-dispatcher")
    void poll() {
        if (!stopping) {
            dispatchOnce();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        // a round that starts while the application stops only fails on a closed data source
        stopping = true;
    }

    /** One round; returns how many notices were handled (sent or found to need no mail). */
    public int dispatchOnce() {
        int[] handled = {0};
        try {
            cluster.runExclusively("subject-notice-dispatcher", () -> handled[0] = dispatchBatch());
        } catch (RuntimeException e) {
            LOG.warnf("Notice round failed, will retry: %s", e.getClass().getSimpleName());
        }
        return handled[0];
    }

    private int dispatchBatch() {
        List<SubjectNotice> batch = SubjectNotice.<SubjectNotice>find(
                        "sentAt is null and attempts < ?1 order by createdAt", config.noticeMaxAttempts())
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, config.noticeBatch()).list();
        int handled = 0;
        for (SubjectNotice notice : batch) {
            Ticket ticket = Ticket.findById(notice.ticketId);
            notice.attempts++;
            if (ticket == null || skip(notice, ticket)) {
                notice.sentAt = Instant.now();
                handled++;
                continue;
            }
            try {
                mailer.sendNotice(ticket, notice.kind, SubjectStatus.of(ticket), links.tokenOf(ticket.id).orElse(null));
                notice.sentAt = Instant.now();
                handled++;
            } catch (RuntimeException e) {
                LOG.warnf("Notice %s for ticket %s not sent (attempt %d): %s", notice.kind, ticket.id, notice.attempts,
                        e.getClass().getSimpleName());
            }
        }
        return handled;
    }

    /**
     * Notices that need no mail: anything for a purged ticket; one of "received" and "verified", so the subject
     * gets one mail with the link, not two: with e-mail verification the code mail already said the request
     * arrived and "verified" brings the link; without it the request is verified on receipt and "received" does.
     */
    private boolean skip(SubjectNotice notice, Ticket ticket) {
        if (ticket.subjectEmail == null || ticket.subjectEmail.isBlank() || ticket.statusTokenHash == null) {
            return true;
        }
        return intake.verificationRequired() ? TicketEvents.RECEIVED.equals(notice.kind)
                : TicketEvents.VERIFIED.equals(notice.kind);
    }
}
