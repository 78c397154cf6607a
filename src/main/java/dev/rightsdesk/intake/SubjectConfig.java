package dev.rightsdesk.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** What the subject is told about the controller, and where the subject's pages live: {@code rightsdesk.subject.*}. */
@ConfigMapping(prefix = "rightsdesk.subject")
public interface SubjectConfig {

    /**
     * {@code rightsdesk.subject.public-base-url}: the address subjects reach this service at; links in mails
     * (status page, verification page) start with it. No trailing slash. Left at the default, {@link PublicAddress}
     * uses this process's loopback address at the port it really listens on (embedded run); production refuses it.
     */
    @WithDefault("http://localhost:8080")
    URI publicBaseUrl();

    /**
     * {@code rightsdesk.subject.production-checks}: a production start (the packaged service without the embedded
     * engines) refuses a loopback public base URL and the mock mailer, which would leave subjects without working
     * links or without any mail. Off only for test and benchmark runs of the packaged service.
     */
    @WithDefault("true")
    boolean productionChecks();

    /** {@code rightsdesk.subject.controller-name}: the controller's name, as the subject knows it. */
    @WithDefault("Rightsdesk demo controller")
    String controllerName();

    /** {@code rightsdesk.subject.privacy-contact}: where the subject can write with questions (e-mail or address). */
    Optional<String> privacyContact();

    /** {@code rightsdesk.subject.supervisory-authority-name}: the authority the subject may complain to (Art. 77). */
    @WithDefault("Autoriteit Persoonsgegevens")
    String supervisoryAuthorityName();

    /** {@code rightsdesk.subject.supervisory-authority-url}: its web address. */
    @WithDefault("https://autoriteitpersoonsgegevens.nl")
    URI supervisoryAuthorityUrl();

    /** {@code rightsdesk.subject.expiry-interval}: how often the expiry job looks for unverified requests. */
    @WithDefault("15m")
    Duration expiryInterval();
}
