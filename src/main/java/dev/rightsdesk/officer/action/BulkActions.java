package dev.rightsdesk.officer.action;

import dev.rightsdesk.officer.OfficerConfig;
import dev.rightsdesk.officer.action.ActionRequests.Approval;
import dev.rightsdesk.officer.action.ActionRequests.Assignment;
import dev.rightsdesk.officer.action.ActionRequests.BulkApproval;
import dev.rightsdesk.officer.action.ActionRequests.BulkAssignment;
import dev.rightsdesk.officer.action.ActionRequests.BulkClosure;
import dev.rightsdesk.officer.action.ActionRequests.BulkRefusal;
import dev.rightsdesk.officer.action.ActionRequests.Closure;
import dev.rightsdesk.officer.action.ActionRequests.Refusal;
import dev.rightsdesk.platform.error.Problem;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import dev.rightsdesk.ticket.decision.RefusalScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Approve, assign, refuse or close many tickets at once (spam, duplicates). Each ticket is its own transaction with its
 * own audit entry: one ticket that may not take the action is reported and does not hold back the others.
 * Deliberately not {@code @Transactional} itself.
 */
@ApplicationScoped
public class BulkActions {

    private final OfficerActions actions;
    private final OfficerConfig config;

    public BulkActions(OfficerActions actions, OfficerConfig config) {
        this.actions = actions;
        this.config = config;
    }

    /** The outcome for one ticket: done with its new status, or the problem that refused it. */
    public record Outcome(UUID id, boolean done, TicketStatus status, Problem problem) {
    }

    /** The outcome for every ticket named, in the order named. */
    public record Result(int done, int refused, List<Outcome> outcomes) {
    }

    public Result approve(@Valid BulkApproval request, String actor) {
        return each(request.ids(), id -> actions.approve(id, actor, new Approval(request.reason())));
    }

    public Result refuse(@Valid BulkRefusal request, String actor) {
        return each(request.ids(), id -> actions.refuse(id, actor,
                new Refusal(RefusalScope.WHOLE, request.grounds(), request.reasons())));
    }

    public Result assign(@Valid BulkAssignment request, String actor) {
        return each(request.ids(), id -> actions.assign(id, actor, new Assignment(request.assignee(), "bulk assignment")));
    }

    public Result close(@Valid BulkClosure request, String actor) {
        return each(request.ids(), id -> actions.close(id, actor, new Closure(request.response(), request.reason())));
    }

    private Result each(List<UUID> ids, Function<UUID, Ticket> action) {
        if (ids.size() > config.bulkMax()) {
            throw ProblemException.invalid("Too many tickets in one bulk action",
                    new FieldViolation("ids", "must hold at most " + config.bulkMax() + " ids"));
        }
        List<Outcome> outcomes = new ArrayList<>();
        int done = 0;
        for (UUID id : new LinkedHashSet<>(ids)) {
            try {
                Ticket t = action.apply(id);
                outcomes.add(new Outcome(id, true, t.status, null));
                done++;
            } catch (ProblemException e) {
                outcomes.add(new Outcome(id, false, null, Problem.of(e)));
            } catch (RuntimeException e) {
                if (!causedByConcurrentChange(e)) {
                    throw e;
                }
                outcomes.add(new Outcome(id, false, null, Problem.of(409, "concurrent-modification", "Changed meanwhile",
                        "The ticket was changed by someone else at the same moment; try again")));
            }
        }
        return new Result(done, outcomes.size() - done, outcomes);
    }

    /** The version check fails at commit, so the exception may come wrapped by the transaction manager. */
    private static boolean causedByConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
