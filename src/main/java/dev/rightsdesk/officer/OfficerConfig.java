package dev.rightsdesk.officer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the officer's queue and actions. */
@ConfigMapping(prefix = "rightsdesk.officer")
public interface OfficerConfig {

    /** From how many calendar days before its due date a ticket shows as "due soon" (amber) in the queue. */
    @WithDefault("7")
    int dueSoonDays();

    /** Tickets per queue page unless the caller asks for another size (at most 200). */
    @WithDefault("25")
    int pageSize();

    /** The supervisory authority named in every refusal (Art. 12(4), 77): the controller's lead authority. */
    @WithDefault("Autoriteit Persoonsgegevens")
    String supervisoryAuthority();

    /** Where the subject can lodge that complaint. */
    @WithDefault("https://autoriteitpersoonsgegevens.nl")
    String supervisoryAuthorityUrl();

    /** Most tickets one bulk action may name. */
    @WithDefault("100")
    int bulkMax();
}
