package dev.rightsdesk.officer.ui;

import dev.rightsdesk.officer.queue.QueueSort;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.security.identity.SecurityIdentity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The small records the officer's pages are rendered from. */
public final class UiModels {

    private UiModels() {
    }

    /** Who is signed in and whether they may act (auditors only read). */
    public record Chrome(String user, boolean canAct, String role) {

        static Chrome of(SecurityIdentity identity) {
            boolean acts = identity.hasRole(Roles.OFFICER) || identity.hasRole(Roles.ADMIN);
            String role = identity.hasRole(Roles.ADMIN) ? "admin" : identity.hasRole(Roles.OFFICER) ? "officer" : "auditor";
            return new Chrome(identity.getPrincipal().getName(), acts, role);
        }
    }

    /** One choice of a select. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A status with its count, linking to the queue filtered by it. */
    public record StatusCount(String status, String label, long count, String href) {
    }

    /**
     * The queue filter as the form shows it. {@code search} (an e-mail, a name, a ticket id or reference) travels in
     * POST bodies only; {@link #query()}, used in links, leaves it out.
     */
    public record FilterForm(String status, String type, boolean overdue, String dueWithinDays, String assignee,
            boolean flagged, String search, String sort, String order, boolean refresh) {

        public static FilterForm empty() {
            return new FilterForm(null, null, false, null, null, false, null, null, null, false);
        }

        public boolean searching() {
            return search != null && !search.isBlank();
        }

        public List<Option> statusOptions() {
            List<Option> options = new ArrayList<>();
            options.add(new Option("", "Every open status", status == null || status.isEmpty()));
            for (TicketStatus s : TicketStatus.values()) {
                options.add(new Option(s.name(), Labels.label(s), s.name().equals(status)));
            }
            return options;
        }

        public List<Option> typeOptions() {
            List<Option> options = new ArrayList<>();
            options.add(new Option("", "Every type", type == null || type.isEmpty()));
            for (RequestType t : RequestType.values()) {
                options.add(new Option(t.name(), Labels.label(t), t.name().equals(type)));
            }
            return options;
        }

        public List<Option> sortOptions() {
            List<Option> options = new ArrayList<>();
            for (QueueSort s : QueueSort.values()) {
                options.add(new Option(s.name().toLowerCase(Locale.ROOT), s.label(),
                        s.name().equalsIgnoreCase(sort == null ? "due" : sort)));
            }
            return options;
        }

        /** How the rows are ordered, in words, for the table's caption. */
        public String sortCaption() {
            QueueSort s = sort == null ? QueueSort.DUE : QueueSort.valueOf(sort.toUpperCase(Locale.ROOT));
            boolean desc = "desc".equals(order);
            return switch (s) {
                case DUE -> desc ? "latest due first" : "earliest due first";
                case RECEIVED -> desc ? "newest first" : "oldest first";
                case STATUS -> desc ? "by status, last step first" : "by status, first step first";
                case TYPE -> desc ? "by type, Z to A" : "by type, A to Z";
            };
        }

        public List<Option> orderOptions() {
            boolean desc = "desc".equals(order);
            return List.of(new Option("asc", "Earliest or first first", !desc), new Option("desc", "Latest or last first", desc));
        }

        /** The non-personal filter as query parameters, for links ({@code &page=} is appended). */
        public String query() {
            StringBuilder q = new StringBuilder();
            add(q, "status", status);
            add(q, "type", type);
            add(q, "overdue", overdue ? "true" : null);
            add(q, "dueWithinDays", dueWithinDays);
            add(q, "assignee", assignee);
            add(q, "flagged", flagged ? "true" : null);
            add(q, "sort", sort);
            add(q, "order", order);
            add(q, "refresh", refresh ? "true" : null);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append(q.length() == 0 ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        }
    }
}
