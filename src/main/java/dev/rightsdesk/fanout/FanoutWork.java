package dev.rightsdesk.fanout;

import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** The fan-out as the core sees it: the steps {@link dev.rightsdesk.ticket.TicketService} calls by name. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FanoutWork implements TicketWork {

    private final FanoutService fanout;
    private final TaskCompletion completion;

    public FanoutWork(FanoutService fanout, TaskCompletion completion) {
        this.fanout = fanout;
        this.completion = completion;
    }

    @Override
    public Started start(Ticket ticket) {
        List<Task> tasks = fanout.fanOut(ticket);
        boolean waiting = !tasks.isEmpty() || !completion.blockingGates(ticket.id).isEmpty();
        return new Started(waiting, Map.of("systems", TaskCompletion.summaryOfNew(tasks)));
    }

    @Override
    public boolean holds(Ticket ticket) {
        return completion.holds(ticket.id);
    }

    @Override
    public Map<String, Object> summary(Ticket ticket) {
        return Map.of("systems", TaskCompletion.summary(Task.forTicket(ticket.id)));
    }
}
