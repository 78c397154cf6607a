package dev.rightsdesk.officer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

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

    /**
     * How many of the most recent tickets matching the other filters a search by name looks at. Names are
     * encrypted at rest, so they are compared after decryption; past this many the officer is asked to narrow down.
     */
    @WithDefault("5000")
    int nameSearchScan();

    /**
     * Staff user names offered in the assignee pickers, besides the signed-in user and everyone who has a ticket
     * now (with OIDC the service cannot list the provider's users). The embedded run names its built-in users.
     */
    Optional<List<String>> knownOfficers();
}
