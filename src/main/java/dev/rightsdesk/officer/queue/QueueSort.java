package dev.rightsdesk.officer.queue;

/** The orders the queue offers; ties are broken by ticket id so that pages never overlap. */
public enum QueueSort {
    /** Effective due date, earliest first: the default, served by {@code ticket_open_due_ix}. */
    DUE("t.effective_due", "Due date"),
    RECEIVED("t.received_at", "Received"),
    /** In the order a ticket passes through the statuses, not alphabetically. */
    STATUS(null, "Status"),
    TYPE("t.type", "Type");

    private final String column;
    private final String label;

    QueueSort(String column, String label) {
        this.column = column;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The ORDER BY clause; only constants of this enum reach the SQL, never text from the request. */
    public String orderBy(boolean descending) {
        String direction = descending ? " DESC" : "";
        String key = column != null ? column : statusOrder();
        return key + direction + ", t.id" + direction;
    }

    private static String statusOrder() {
        StringBuilder sql = new StringBuilder("CASE t.status");
        dev.rightsdesk.ticket.TicketStatus[] all = dev.rightsdesk.ticket.TicketStatus.values();
        for (int i = 0; i < all.length; i++) {
            sql.append(" WHEN '").append(all[i].name()).append("' THEN ").append(i);
        }
        return sql.append(" END").toString();
    }
}
