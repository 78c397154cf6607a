package dev.rightsdesk.ai;

import dev.rightsdesk.fanout.FanoutService;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskDatasetVersion;
import dev.rightsdesk.fanout.TaskModelVersion;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ticket carried to the connected systems, and AI answers stored on its tasks as the fan-out stores them. */
final class RemediationFixtures {

    static final String REGISTRY = "model-registry";
    static final String CORPUS = "training-corpus";

    private RemediationFixtures() {
    }

    /** Submits, verifies and approves a request: the fan-out creates one task per system. */
    static UUID fannedOut(String type, String email, String details) {
        UUID id = AiTestSupport.submit(type, email, "C-" + UUID.randomUUID(), details);
        AiTestSupport.verify(id);
        QuarkusTransaction.requiringNew().run(() -> {
            TicketService tickets = Arc.container().instance(TicketService.class).get();
            tickets.approve(tickets.get(id), "officer-1", "looks fine");
        });
        return id;
    }

    /** The registry's answer: model versions trained on the subject's data, stored structured on its task. */
    static void registryReports(UUID ticketId, String... modelVersions) {
        QuarkusTransaction.requiringNew().run(() -> {
            Task task = Task.live(ticketId, REGISTRY).orElseThrow();
            for (String mv : modelVersions) {
                String[] parts = mv.split(":");
                TaskModelVersion m = new TaskModelVersion();
                m.taskId = task.id;
                m.ticketId = ticketId;
                m.systemKey = REGISTRY;
                m.modelName = parts[0];
                m.modelVersion = parts[1];
                m.trainingDatasetVersions = List.of("customer-orders@2026-10");
                m.reportedAt = Instant.now();
                m.persist();
            }
        });
    }

    static void corpusReports(UUID ticketId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Task task = Task.live(ticketId, CORPUS).orElseThrow();
            TaskDatasetVersion d = new TaskDatasetVersion();
            d.taskId = task.id;
            d.ticketId = ticketId;
            d.systemKey = CORPUS;
            d.dataset = "customer-orders";
            d.datasetVersion = "2026-10";
            d.recordsRemoved = 3;
            d.recordsExcluded = 3;
            d.reportedAt = Instant.now();
            d.persist();
        });
    }

    /** Every system answered (recorded by hand here; the results consumer does the same on a real answer). */
    static void allTasksAnswered(UUID ticketId) {
        FanoutService fanout = Arc.container().instance(FanoutService.class).get();
        List<Task> tasks = QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticketId));
        for (Task t : tasks) {
            if (!t.isFinal()) {
                QuarkusTransaction.requiringNew().run(() -> fanout.completeByHand(t.id, TaskState.COMPLETED, "answered", "officer-1"));
            }
        }
    }

    static TicketStatus status(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticketId).status);
    }
}
