package dev.rightsdesk.fanout.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** When the deadline watch warns: {@code rightsdesk.deadline-watch.*}. */
@ConfigMapping(prefix = "rightsdesk.deadline-watch")
public interface DeadlineWatchConfig {

    /**
     * {@code rightsdesk.deadline-watch.warn-days}: calendar days before a ticket's effective due date at which an
     * open ticket with unfinished work is flagged and a {@code deadline-warning} ticket event emitted, once per
     * threshold. A ticket first seen past several thresholds is warned once, at the nearest.
     */
    @WithDefault("7,2")
    List<Integer> warnDays();

    /** {@code rightsdesk.deadline-watch.interval}: how often the watch runs ({@code off} disables it). */
    @WithDefault("1h")
    String interval();
}
