package dev.rightsdesk.intake.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Mails to the subject: {@code rightsdesk.mail.*}. SMTP itself is {@code quarkus.mailer.*} (QUARKUS_MAILER_HOST, ...). */
@ConfigMapping(prefix = "rightsdesk.mail")
public interface MailConfig {

    /**
     * {@code rightsdesk.mail.local-mailbox}: keep every mail sent in memory and show it at {@code /dev/mailbox}
     * (loopback clients only). On in the embedded default run and in tests, where {@code quarkus.mailer.mock=true}
     * so nothing leaves the machine; never in production. Ignored unless the mailer is in mock mode.
     */
    @WithDefault("false")
    boolean localMailbox();

    /** {@code rightsdesk.mail.notice-interval}: how often queued notices are mailed. */
    @WithDefault("5s")
    Duration noticeInterval();

    /** {@code rightsdesk.mail.notice-batch}: notices mailed per round. */
    @WithDefault("50")
    int noticeBatch();

    /** {@code rightsdesk.mail.notice-max-attempts}: after this many failed sends a notice is left for an officer. */
    @WithDefault("10")
    int noticeMaxAttempts();
}
