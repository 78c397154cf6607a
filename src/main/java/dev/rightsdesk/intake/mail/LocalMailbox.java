package dev.rightsdesk.intake.mail;

import io.quarkus.mailer.SentMail;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mailbox of the embedded default run and of tests: keeps the last mails the (mock) mailer sent, in
 * memory, so a user can finish the flow at {@code /dev/mailbox} and tests can read codes. Mail contents
 * never go to the log. Active only when {@code rightsdesk.mail.local-mailbox=true} and the mailer is in
 * mock mode, so a production mailer's mails are never kept.
 */
@ApplicationScoped
public class LocalMailbox {

    /** One mail as the subject would have received it. */
    public record Message(Instant at, String to, String subject, String text) {
    }

    private static final int CAPACITY = 500;

    private final boolean active;
    private final Deque<Message> messages = new ArrayDeque<>();

    public LocalMailbox(MailConfig config, @ConfigProperty(name = "quarkus.mailer.mock") Optional<Boolean> mock) {
        this.active = config.localMailbox() && mock.orElse(LaunchMode.current() != LaunchMode.NORMAL);
    }

    public boolean active() {
        return active;
    }

    void onSent(@Observes SentMail mail) {
        if (!active) {
            return;
        }
        synchronized (messages) {
            for (String to : mail.to()) {
                messages.addFirst(new Message(Instant.now(), to, mail.subject(), mail.textBody()));
            }
            while (messages.size() > CAPACITY) {
                messages.removeLast();
            }
        }
    }

    /** Newest first. */
    public List<Message> all() {
        synchronized (messages) {
            return new ArrayList<>(messages);
        }
    }

    /** Newest first, for one address (compared case-insensitively). */
    public List<Message> to(String address) {
        String wanted = address.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(m -> m.to().trim().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    }
}
