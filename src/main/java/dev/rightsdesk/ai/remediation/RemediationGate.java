package dev.rightsdesk.ai.remediation;

import org.hibernate.query.NativeQuery;
import dev.rightsdesk.fanout.CompletionGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Holds an erasure or objection ticket open while a model version reported for it is not remediated: one
 * without a remediation yet (just reported), or one whose remediation is not RESOLVED. Reads only.
 */
@ApplicationScoped
public class RemediationGate implements CompletionGate {

    public static final String NAME = "model-remediations";

    private final EntityManager em;

    public RemediationGate(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean blocksCompletion(UUID ticketId) {
        return (Boolean) em.createNativeQuery("""
                SELECT EXISTS (
                  SELECT 1 FROM task_model_version m
                  JOIN ticket t ON t.id = m.ticket_id
                  LEFT JOIN model_remediation r ON r.task_model_version_id = m.id
                  WHERE m.ticket_id = ?1 AND t.type IN ('ERASURE', 'OBJECTION')
                    AND (r.id IS NULL OR r.state <> 'RESOLVED'))""")
                .unwrap(NativeQuery.class)
                // Only these tables: otherwise Hibernate flushes every pending change of the session first.
                .addSynchronizedQuerySpace("task_model_version").addSynchronizedQuerySpace("ticket")
                .addSynchronizedQuerySpace("model_remediation")
                .setParameter(1, ticketId).getSingleResult();
    }

    @Override
    public String name() {
        return NAME;
    }
}
