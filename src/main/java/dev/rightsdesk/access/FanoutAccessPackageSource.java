package dev.rightsdesk.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.system.SystemRegistry;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The access package's per-system part from the fan-out (issue 3): one entry per access task of the ticket that
 * was not canceled, with the Art. 15 facts from the connected-systems registry and the copy of the data from the
 * task's answer. A system no longer in the registry still shows its answer, under its key.
 */
@ApplicationScoped
public class FanoutAccessPackageSource implements AccessPackageSource {

    private static final Logger LOG = Logger.getLogger(FanoutAccessPackageSource.class);

    private final SystemRegistry registry;
    private final ObjectMapper mapper;

    public FanoutAccessPackageSource(SystemRegistry registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    @Override
    public List<SystemAnswer> answers(Ticket ticket) {
        List<SystemAnswer> answers = new ArrayList<>();
        for (Task task : Task.forTicket(ticket.id)) {
            if (task.state == TaskState.CANCELED || task.action != RequestType.ACCESS) {
                continue;
            }
            Optional<ConnectedSystem> system = registry.find(task.systemKey);
            SystemFacts facts = system.map(FanoutAccessPackageSource::facts)
                    .orElseGet(() -> new SystemFacts(task.systemKey, task.systemKey, String.valueOf(task.systemKind),
                            List.of(), List.of(), List.of(), null, null, null, null));
            answers.add(new SystemAnswer(facts, task.state.name(), task.completedAt, data(task), evidence(task)));
        }
        return answers;
    }

    private static SystemFacts facts(ConnectedSystem s) {
        return new SystemFacts(s.key(), s.displayName(), s.kind().name(), s.purposes(), s.dataCategories(), s.recipients(),
                s.retention(), s.source(), orNone(s.automatedDecisionMaking()), orNone(s.transfers()));
    }

    private JsonNode evidence(Task task) {
        if (task.evidence == null) {
            return null;
        }
        try {
            return mapper.readTree(task.evidence);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private JsonNode data(Task task) {
        if (task.answerData == null || task.answerData.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(task.answerData);
        } catch (IOException e) {
            // an answer that is not JSON is still the subject's data: hand it over as text
            LOG.warnf("Access answer of task %s is not JSON; included as text", task.id);
            return mapper.getNodeFactory().textNode(task.answerData);
        }
    }

    /** The registry leaves these out when a system has none; the subject is told so explicitly (Art. 15(1)(h), 15(2)). */
    private static String orNone(String s) {
        return s == null || s.isBlank() ? "none" : s;
    }
}
