package dev.rightsdesk.ticket.deadline;

import dev.rightsdesk.deadline.MemberState;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** How the statutory clock counts for this controller: {@code rightsdesk.deadline.*}. */
@ConfigMapping(prefix = "rightsdesk.deadline")
public interface DeadlineConfig {

    /**
     * {@code rightsdesk.deadline.zone}: the controller's time zone (an IANA id). The date of receipt is the date of
     * the receipt instant in this zone (D1), and "today" for extensions and escalation is taken here too.
     */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();

    /**
     * {@code rightsdesk.deadline.member-state}: the member state whose public holidays move a due date that falls on
     * one (D3); one of NL, BE, DE, FR, IE.
     */
    @WithDefault("NL")
    MemberState memberState();

    /**
     * {@code rightsdesk.deadline.roll-forward}: whether a due date on a Saturday, Sunday or public holiday moves to
     * the next working day (Reg. 1182/71 Art. 3(4)). Off makes every due date the nominal one, never later.
     */
    @WithDefault("true")
    boolean rollForward();
}
