package dev.rightsdesk.testing;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * Tests that submit hundreds of requests (abuse, failure) leave as many receipt notices for the mailer; a later test
 * class waiting for its own verification mail would wait behind them. This marks the notices of the tickets created
 * since {@code since} as sent, once the notice consumer has written them.
 */
public final class NoticeBacklog {

    private NoticeBacklog() {
    }

    public static void drain(EntityManager em, Instant since) {
        String tickets = "SELECT count(*) FROM ticket WHERE created_at >= ?1";
        String notices = "SELECT count(*) FROM subject_notice n JOIN ticket t ON t.id = n.ticket_id"
                + " WHERE t.created_at >= ?1 AND n.kind = 'received'";
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> count(em, notices, since) >= count(em, tickets, since));
        } catch (RuntimeException e) {
            // mark what is there; the rest is sent as usual
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE subject_notice SET sent_at = now()"
                + " WHERE sent_at IS NULL AND ticket_id IN (SELECT id FROM ticket WHERE created_at >= ?1)")
                .setParameter(1, since).executeUpdate());
    }

    private static long count(EntityManager em, String sql, Instant since) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, since).getSingleResult()).longValue());
    }
}
