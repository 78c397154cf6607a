package dev.rightsdesk.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one {@link Clock} of the application (UTC). Scheduled jobs take "now" from it so that tests can
 * pass their own instant instead of waiting; a test may also replace it with an alternative bean.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
