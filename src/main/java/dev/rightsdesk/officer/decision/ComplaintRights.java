package dev.rightsdesk.officer.decision;

import dev.rightsdesk.officer.OfficerConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The text every refusal carries (Art. 12(4), D5): the right to complain and the right to a judicial remedy. */
@ApplicationScoped
public class ComplaintRights {

    private final OfficerConfig config;

    public ComplaintRights(OfficerConfig config) {
        this.config = config;
    }

    /** In the subject's language (en or nl; English otherwise). */
    public String text(String locale) {
        if ("nl".equals(locale)) {
            return "U hebt het recht een klacht in te dienen bij een toezichthoudende autoriteit (art. 77 AVG), in het"
                    + " bijzonder bij de " + config.supervisoryAuthority() + " (" + config.supervisoryAuthorityUrl()
                    + "), en het recht op een doeltreffende voorziening in rechte bij de rechter (art. 79 AVG).";
        }
        return "You have the right to lodge a complaint with a supervisory authority (Art. 77 GDPR), in particular the "
                + config.supervisoryAuthority() + " (" + config.supervisoryAuthorityUrl() + "), and the right to an"
                + " effective judicial remedy before a court (Art. 79 GDPR).";
    }
}
