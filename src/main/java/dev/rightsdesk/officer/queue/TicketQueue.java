package dev.rightsdesk.officer.queue;

import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.officer.OfficerConfig;
import dev.rightsdesk.officer.decision.BalancingGate;
import dev.rightsdesk.platform.crypto.BlindIndex;
import dev.rightsdesk.platform.crypto.FieldCipher;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketReference;
import dev.rightsdesk.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the queue with plain SQL so that the shape the planner sees is under control: for open tickets the
 * predicate repeats the partial index's {@code status NOT IN ('COMPLETED','REFUSED','EXPIRED')} literally, so
 * {@code ticket_open_due_ix (effective_due, id)} serves both the filter and the default order. The subject's
 * e-mail is found through its blind index; names are encrypted, so {@link NameSearch} compares them decrypted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TicketQueue {

    /** Must stay the predicate of {@code ticket_open_due_ix} (V1__foundation.sql). */
    static final String OPEN = "t.status NOT IN ('COMPLETED', 'REFUSED', 'EXPIRED')";
    static final int MAX_SIZE = 200;

    private final EntityManager em;
    private final StatutoryClock clock;
    private final OfficerConfig config;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final BalancingGate balancing;

    public TicketQueue(EntityManager em, StatutoryClock clock, OfficerConfig config, FieldCipher cipher,
            BlindIndex blindIndex, BalancingGate balancing) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.balancing = balancing;
    }

    /** A page without the subjects' names and addresses (admins, auditors, the API without the officer role). */
    public QueuePage page(QueueFilter filter) {
        return page(filter, false);
    }

    /** A page; {@code showSubject}: decrypt each row's subject name and e-mail for the officer working the queue. */
    public QueuePage page(QueueFilter filter, boolean showSubject) {
        LocalDate today = clock.dateOf(Instant.now());
        int size = filter.size() <= 0 ? config.pageSize() : Math.min(filter.size(), MAX_SIZE);
        int page = Math.max(filter.page(), 0);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, today, params);
        if (filter.email() != null) {
            where += " AND t.subject_email_hash = :emailHash";
            params.put("emailHash", blindIndex.ofEmail(filter.email()));
        }
        boolean capped = false;
        if (filter.name() != null) {
            NameSearch.Found found = new NameSearch(em, cipher).matching(where, params, filter.name(),
                    config.nameSearchScan());
            capped = found.capped();
            if (found.ids().isEmpty()) {
                where += " AND FALSE";
            } else {
                where += " AND t.id IN (:nameIds)";
                params.put("nameIds", found.ids());
            }
        }

        Query select = em.createNativeQuery(selectSql(where, filter.sort().orderBy(filter.descending()))
                + " LIMIT :limit OFFSET :offset");
        params.forEach(select::setParameter);
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        List<QueueItem> items = new ArrayList<>();
        for (Object row : select.getResultList()) {
            items.add(item((Object[]) row, today, showSubject));
        }
        Query count = em.createNativeQuery("SELECT count(*) FROM ticket t WHERE " + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        int totalPages = (int) Math.max(1, (total + size - 1) / size);
        return new QueuePage(items, page, size, total, totalPages, countsByStatus(),
                countOpen("t.effective_due < :today", today), countOpen("t.flagged", today), capped);
    }

    /** Staff user names that currently hold an open ticket, for the assignee pickers. */
    public List<String> currentAssignees() {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT DISTINCT t.assignee FROM ticket t WHERE " + OPEN
                + " AND t.assignee IS NOT NULL ORDER BY t.assignee LIMIT 100").getResultList();
        return names;
    }

    /** The SELECT the queue runs for {@code where}, earliest due first; visible to the test that EXPLAINs it. */
    public static String selectSql(String where) {
        return selectSql(where, QueueSort.DUE.orderBy(false));
    }

    static String selectSql(String where, String orderBy) {
        return "SELECT t.id, t.type, t.status, t.channel, t.received_at, t.effective_due, t.extended, t.assignee,"
                + " t.flagged, t.verified_at, CASE WHEN t.type = 'OBJECTION' THEN t.details_enc END,"
                + " t.subject_email_enc, t.subject_name_enc FROM ticket t WHERE " + where + " ORDER BY " + orderBy;
    }

    /**
     * The WHERE clause for {@code filter}'s non-personal criteria, filling {@code params}; public for the test that
     * EXPLAINs it. The e-mail and name criteria are added by {@link #page}.
     */
    public static String where(QueueFilter filter, LocalDate today, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        if (filter.openOnly()) {
            and.add(OPEN);
        }
        if (!filter.statuses().isEmpty()) {
            and.add("t.status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (!filter.types().isEmpty()) {
            and.add("t.type IN (:types)");
            params.put("types", filter.types().stream().map(RequestType::name).toList());
        }
        if (filter.overdue() != null) {
            and.add(filter.overdue() ? "t.effective_due < :today" : "t.effective_due >= :today");
            params.put("today", Date.valueOf(today));
        }
        if (filter.dueWithinDays() != null) {
            and.add("t.effective_due <= :horizon");
            params.put("horizon", Date.valueOf(today.plusDays(Math.max(0, filter.dueWithinDays()))));
        }
        if (filter.assignee() != null) {
            if (QueueFilter.UNASSIGNED.equals(filter.assignee())) {
                and.add("t.assignee IS NULL");
            } else {
                and.add("t.assignee = :assignee");
                params.put("assignee", filter.assignee());
            }
        }
        if (filter.flagged() != null) {
            and.add(filter.flagged() ? "t.flagged" : "NOT t.flagged");
        }
        if (filter.ticket() != null) {
            UUID[] range = TicketReference.range(filter.ticket()).orElseThrow(() -> ProblemException.invalid(
                    "Not a ticket id or reference", new FieldViolation("ticket",
                            "must be a ticket id, a reference like RD-3F2A9C1B, or at least its first 6 digits")));
            and.add("t.id BETWEEN :idLow AND :idHigh");
            params.put("idLow", range[0]);
            params.put("idHigh", range[1]);
        }
        return and.isEmpty() ? "TRUE" : String.join(" AND ", and);
    }

    private QueueItem item(Object[] r, LocalDate today, boolean showSubject) {
        TicketStatus status = TicketStatus.valueOf((String) r[2]);
        LocalDate due = toLocalDate(r[5]);
        UUID id = (UUID) r[0];
        RequestType type = RequestType.valueOf((String) r[1]);
        boolean verified = r[9] != null;
        return new QueueItem(id, type, status, (String) r[3], toInstant(r[4]),
                due, (Boolean) r[6], DaysLeft.of(today, due, status, config.dueSoonDays()), (String) r[7],
                (Boolean) r[8], verified, verified && status.isOpen() && awaitingDecision(id, type, (String) r[10]),
                showSubject ? decrypt(r[12]) : null, showSubject ? decrypt(r[11]) : null);
    }

    private String decrypt(Object stored) {
        return stored == null ? null : cipher.decrypt((String) stored);
    }

    /** Only objections carry their details here; decrypting them is a few microseconds a row. */
    private boolean awaitingDecision(UUID id, RequestType type, String detailsEnc) {
        return detailsEnc != null && BalancingGate.needsBalancing(type, cipher.decrypt(detailsEnc))
                && !balancing.decided(id);
    }

    private Map<TicketStatus, Long> countsByStatus() {
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        for (TicketStatus s : TicketStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object row : em.createNativeQuery("SELECT status, count(*) FROM ticket GROUP BY status").getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(TicketStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
        }
        return counts;
    }

    private long countOpen(String condition, LocalDate today) {
        Query q = em.createNativeQuery("SELECT count(*) FROM ticket t WHERE " + OPEN + " AND " + condition);
        if (condition.contains(":today")) {
            q.setParameter("today", Date.valueOf(today));
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
