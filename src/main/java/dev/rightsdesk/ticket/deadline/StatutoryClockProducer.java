package dev.rightsdesk.ticket.deadline;

import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.ticket.deadline.DeadlineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the configured {@link StatutoryClock} injectable; the clock itself stays free of the framework. */
@ApplicationScoped
public class StatutoryClockProducer {

    // @Singleton, not @ApplicationScoped: the clock is a final class (no client proxy) and immutable.
    @Produces
    @Singleton
    StatutoryClock statutoryClock(DeadlineConfig config) {
        return new StatutoryClock(config.zone(), config.memberState(), config.rollForward());
    }
}
