package dev.rightsdesk.access;

import dev.rightsdesk.ticket.Ticket;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/**
 * The sources used until the fan-out (issue 3) and AI rights (issue 4) provide real ones: no connected system
 * has answered, and no training use is known. Any other bean of the same type replaces these.
 */
@ApplicationScoped
public class DefaultSources {

    @Produces
    @DefaultBean
    @ApplicationScoped
    AccessPackageSource noConnectedSystems() {
        return new AccessPackageSource() {
            @Override
            public List<SystemAnswer> answers(Ticket ticket) {
                return List.of();
            }
        };
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    AiAccessSource noTrainingUse() {
        return new AiAccessSource() {
            @Override
            public AiSection section(Ticket ticket) {
                return AiSection.empty();
            }
        };
    }
}
