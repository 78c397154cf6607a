package dev.rightsdesk.officer.detail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.ai.exclusion.ObjectionDecision;
import dev.rightsdesk.officer.OfficerConfig;
import dev.rightsdesk.officer.TicketDeadline;
import dev.rightsdesk.officer.action.TicketPolicy;
import dev.rightsdesk.officer.decision.BalancingGate;
import dev.rightsdesk.officer.detail.TicketView.DeadlineView;
import dev.rightsdesk.officer.detail.TicketView.ObjectionDecisionView;
import dev.rightsdesk.officer.detail.TicketView.RefusalView;
import dev.rightsdesk.officer.detail.TicketView.ResponseView;
import dev.rightsdesk.officer.detail.TicketView.Subject;
import dev.rightsdesk.officer.detail.TicketView.TimelineEntry;
import dev.rightsdesk.officer.queue.DaysLeft;
import dev.rightsdesk.officer.work.ModelRemediations;
import dev.rightsdesk.officer.work.RemediationView;
import dev.rightsdesk.officer.work.TaskView;
import dev.rightsdesk.officer.work.TicketTasks;
import dev.rightsdesk.platform.security.Roles;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatusChange;
import dev.rightsdesk.ticket.audit.AuditEntry;
import dev.rightsdesk.ticket.audit.AuditSealer;
import dev.rightsdesk.ticket.audit.AuditTrail;
import dev.rightsdesk.ticket.decision.TicketRefusal;
import dev.rightsdesk.ticket.decision.TicketResponse;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Assembles a {@link TicketView} for the signed-in staff member: what they may see, and what they may do now. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TicketViews {

    private final TicketService tickets;
    private final AuditTrail audit;
    private final AuditSealer sealer;
    private final TicketTasks tasks;
    private final ModelRemediations remediations;
    private final OfficerConfig config;
    private final ObjectMapper mapper;
    private final TicketPolicy policy;

    public TicketViews(TicketService tickets, AuditTrail audit, AuditSealer sealer, TicketTasks tasks,
            ModelRemediations remediations, OfficerConfig config, ObjectMapper mapper, TicketPolicy policy) {
        this.tickets = tickets;
        this.audit = audit;
        this.sealer = sealer;
        this.tasks = tasks;
        this.remediations = remediations;
        this.config = config;
        this.mapper = mapper;
        this.policy = policy;
    }

    public TicketView of(UUID id, SecurityIdentity viewer) {
        Ticket t = tickets.get(id);
        boolean seesSubject = viewer.hasRole(Roles.OFFICER) || viewer.hasRole(Roles.AUDITOR);
        boolean acts = viewer.hasRole(Roles.OFFICER) || viewer.hasRole(Roles.ADMIN);
        LocalDate today = TicketDeadline.today(t);
        List<TaskView> taskViews = tasks.of(t.id);
        List<RemediationView> remediationViews = remediations.of(t.id);
        ObjectionDecision decision = ObjectionDecision.findById(t.id);
        TicketResponse response = TicketResponse.findById(t.id);
        return new TicketView(t.id, t.type, t.status, t.channel, t.locale, t.receivedAt, t.verifiedAt, t.assignee,
                t.flagged, deadline(t, today),
                seesSubject ? new Subject(t.subjectEmail, t.subjectName, identifiers(t), t.verifiedIdentifiers()) : null,
                seesSubject ? json(t.detailsJson) : null,
                timeline(t.id), taskViews, remediationViews,
                TicketRefusal.ofTicket(t.id).stream().map(TicketViews::refusal).toList(),
                response == null ? null : new ResponseView(response.response, response.actor, response.at),
                decision == null ? null
                        : new ObjectionDecisionView(decision.compellingGrounds, decision.reasons, decision.actor,
                                decision.decidedAt),
                acts ? allowed(t, decision) : List.of());
    }

    private DeadlineView deadline(Ticket t, LocalDate today) {
        return new DeadlineView(t.receivedOn, t.nominalDue, t.dueDate, t.extended, t.extendedNominalDue, t.extendedDue,
                t.extendedAt, t.extensionReason, t.effectiveDue,
                DaysLeft.of(today, t.effectiveDue, t.status, config.dueSoonDays()));
    }

    /** Status history and audit entries, oldest first. */
    private List<TimelineEntry> timeline(UUID ticketId) {
        List<TimelineEntry> entries = new ArrayList<>();
        // Entries committed but not yet chained would be missing from the timeline.
        sealer.sealNow();
        for (TicketStatusChange c : TicketStatusChange.history(ticketId)) {
            String name = (c.fromStatus == null ? "opened" : c.fromStatus.name()) + " → " + c.toStatus.name();
            entries.add(new TimelineEntry(c.at, "status", name, c.actor, null, c.reason, null));
        }
        for (AuditEntry e : AuditEntry.ofTicket(ticketId)) {
            entries.add(new TimelineEntry(e.at, AuditEntry.EVENT.equals(e.kind) ? "event" : "action", e.name, e.actor,
                    summary(e.content), audit.reasonOf(e), e.seq));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at)
                .thenComparing(e -> e.auditSeq() == null ? Long.MIN_VALUE : e.auditSeq()));
        return entries;
    }

    /** An audit entry's content in a line: "status PENDING_REVIEW (was IDENTITY_UNVERIFIED) · to: admin". */
    private String summary(String content) {
        Map<String, Object> map;
        try {
            map = mapper.readValue(content, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            return content;
        }
        List<String> parts = new ArrayList<>();
        if (map.get("status") != null) {
            parts.add("status " + map.get("status")
                    + (map.get("previousStatus") != null && !map.get("previousStatus").equals(map.get("status"))
                            ? " (was " + map.get("previousStatus") + ")" : ""));
        }
        Map<String, Object> rest = new java.util.LinkedHashMap<>(map);
        List.of("status", "previousStatus", "eventId", "requestType", "effectiveDue").forEach(rest::remove);
        if (rest.get("detail") instanceof Map<?, ?> detail) {
            rest.remove("detail");
            detail.forEach((k, v) -> rest.put(String.valueOf(k), v));
        }
        rest.forEach((k, v) -> {
            if (v != null) {
                parts.add(k + ": " + (v instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : v));
            }
        });
        return String.join(" · ", parts);
    }

    /**
     * The actions allowed right now: {@link TicketPolicy}'s answer, which the API enforces, plus the balancing of an
     * objection, whose rules the AI-rights feature keeps (it refuses a decision it cannot take).
     */
    private List<String> allowed(Ticket t, ObjectionDecision decision) {
        List<String> allowed = new ArrayList<>(policy.allowed(t));
        if (t.status.isOpen() && t.isVerified() && decision == null && BalancingGate.needsBalancing(t)) {
            allowed.add("objection-decision");
        }
        return allowed;
    }


    private static RefusalView refusal(TicketRefusal r) {
        return new RefusalView(r.id, r.scope.name(), Arrays.asList(r.grounds.split(",")), r.reasons, r.complaintRights,
                r.actor, r.at);
    }

    private Map<String, String> identifiers(Ticket t) {
        if (t.subjectIdentifiersJson == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(t.subjectIdentifiersJson, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }

    private JsonNode json(String value) {
        try {
            return value == null ? null : mapper.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }
}
