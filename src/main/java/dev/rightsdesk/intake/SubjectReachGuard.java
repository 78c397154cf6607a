package dev.rightsdesk.intake;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Stops a production start whose settings cannot reach a subject: links built from a loopback
 * {@code rightsdesk.subject.public-base-url}, or mail "sent" by the mock mailer (no verification code would
 * ever arrive). Warns about settings that are probably wrong but can be right (plain HTTP, an SMTP host on
 * localhost, the placeholder sender). The embedded default run, dev and test modes are not checked.
 */
@ApplicationScoped
public class SubjectReachGuard {

    private static final Logger LOG = Logger.getLogger(SubjectReachGuard.class);

    /** What a start found: settings that stop it, and settings only worth a warning. */
    public record Findings(List<String> fatal, List<String> warnings) {
    }

    private final SubjectConfig subject;
    private final Config config;

    public SubjectReachGuard(SubjectConfig subject, Config config) {
        this.subject = subject;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        boolean embedded = config.getOptionalValue("rightsdesk.embedded.active", Boolean.class).orElse(false);
        if (LaunchMode.current() != LaunchMode.NORMAL || embedded || !subject.productionChecks()) {
            return;
        }
        Findings findings = check(subject.publicBaseUrl(),
                config.getOptionalValue("quarkus.mailer.mock", Boolean.class).orElse(false),
                config.getOptionalValue("quarkus.mailer.host", String.class).orElse("localhost"),
                config.getOptionalValue("quarkus.mailer.from", String.class).orElse(""));
        findings.warnings().forEach(w -> LOG.warn("Production settings: " + w));
        if (!findings.fatal().isEmpty()) {
            String message = "Production start refused, subjects could not be reached: " + String.join("; ", findings.fatal())
                    + " (docs/deployment.md, \"Mail and public address\")";
            // Said here too: the embedded start's exit handler ends the process without printing the cause.
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /**
     * The findings for these settings (also run by the manifest test on the k8s configuration); no personal data
     * is involved, so messages may quote the values.
     */
    public static Findings check(URI publicBaseUrl, boolean mailerMock, String mailerHost, String from) {
        List<String> fatal = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (isLocal(publicBaseUrl.getHost())) {
            fatal.add("rightsdesk.subject.public-base-url is " + publicBaseUrl + ", a local address: links in mails"
                    + " would not open for anyone; set RIGHTSDESK_SUBJECT_PUBLIC_BASE_URL to the public https address");
        } else if (!"https".equalsIgnoreCase(publicBaseUrl.getScheme())) {
            warnings.add("rightsdesk.subject.public-base-url is not https: status links carry access tokens in clear text");
        }
        if (mailerMock) {
            fatal.add("quarkus.mailer.mock is true: no mail leaves the service; set QUARKUS_MAILER_MOCK=false and"
                    + " QUARKUS_MAILER_HOST, _PORT, _FROM, _USERNAME, _PASSWORD, _START_TLS or _TLS");
        } else if (isLocal(mailerHost)) {
            warnings.add("quarkus.mailer.host is " + mailerHost + ": mail goes to a relay on this pod (is that intended?)");
        }
        if (from.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            warnings.add("quarkus.mailer.from is the placeholder " + from + ": receiving servers will reject or junk it;"
                    + " set QUARKUS_MAILER_FROM");
        }
        return new Findings(fatal, warnings);
    }

    static boolean isLocal(String host) {
        if (host == null || host.isBlank()) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: not resolved here (DNS at start-up is neither reliable nor the point)
        }
        try {
            InetAddress a = InetAddress.getByName(h.replace("[", "").replace("]", ""));
            return a.isLoopbackAddress() || a.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
