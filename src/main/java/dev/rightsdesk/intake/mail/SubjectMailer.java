package dev.rightsdesk.intake.mail;

import dev.rightsdesk.intake.SubjectConfig;
import dev.rightsdesk.intake.UnverifiedExpiryConfig;
import dev.rightsdesk.intake.i18n.MailText;
import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.intake.i18n.SubjectLocale;
import dev.rightsdesk.intake.i18n.Texts;
import dev.rightsdesk.intake.status.StatusLinks;
import dev.rightsdesk.intake.status.SubjectStatus;
import dev.rightsdesk.intake.verification.VerificationConfig;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes and sends every mail the subject gets, in the request's language, through quarkus-mailer (SMTP in
 * production, the local mailbox when embedded). Throws when the mailer fails; callers decide whether to
 * retry. Never logs an address or a mail's content.
 */
@ApplicationScoped
public class SubjectMailer {

    /** One request in the "links to your requests" mail. */
    public record LinkItem(RequestType type, LocalDate receivedOn, String token) {
    }

    private final Mailer mailer;
    private final SubjectConfig config;
    private final StatusLinks links;
    private final VerificationConfig verification;
    private final UnverifiedExpiryConfig expiry;

    public SubjectMailer(Mailer mailer, SubjectConfig config, StatusLinks links, VerificationConfig verification,
            UnverifiedExpiryConfig expiry) {
        this.expiry = expiry;
        this.mailer = mailer;
        this.config = config;
        this.links = links;
        this.verification = verification;
    }

    /** The code that confirms the request's e-mail address (R-identity). */
    public void sendIdentityCode(Ticket t, String code) {
        MailText mail = Texts.mail(t.locale);
        PageText page = Texts.page(t.locale);
        send(t.subjectEmail, mail.codeSubject(config.controllerName()),
                mail.codeBody(config.controllerName(), Texts.type(page, t.type), SubjectLocale.date(t.receivedOn, t.locale),
                        code, minutes(), links.verifyUrl(t.id), String.valueOf(expiry.unverifiedExpiry().toDays())), t.locale);
    }

    /** The fresh code that unlocks the access package. */
    public void sendPackageCode(Ticket t, String code) {
        MailText mail = Texts.mail(t.locale);
        send(t.subjectEmail, mail.packageCodeSubject(), mail.packageCodeBody(code, minutes()), t.locale);
    }

    /**
     * The notice owed for a ticket event ({@link TicketEvents} name). Returns false when nothing is to be sent
     * for it (the notice is then done), true when a mail went out.
     */
    public boolean sendNotice(Ticket t, String kind, SubjectStatus status, String token) {
        if (t.subjectEmail == null || t.subjectEmail.isBlank() || token == null) {
            return false;
        }
        MailText mail = Texts.mail(t.locale);
        String type = Texts.type(Texts.page(t.locale), t.type);
        String due = SubjectLocale.date(status.dueDate(), t.locale);
        String url = links.url(token);
        String authority = config.supervisoryAuthorityName();
        String authorityUrl = config.supervisoryAuthorityUrl().toString();
        switch (kind) {
            case TicketEvents.RECEIVED -> send(t.subjectEmail, mail.receivedSubject(),
                    mail.receivedBody(type, SubjectLocale.date(t.receivedOn, t.locale), due, url), t.locale);
            case TicketEvents.VERIFIED -> send(t.subjectEmail, mail.verifiedSubject(), mail.verifiedBody(type, due, url), t.locale);
            case TicketEvents.EXTENDED -> send(t.subjectEmail, mail.extendedSubject(),
                    mail.extendedBody(type, due, orDash(status.extensionReason()), url, authority, authorityUrl), t.locale);
            case TicketEvents.REFUSED -> {
                if (t.status == TicketStatus.REFUSED || status.partialRefusalReasons() == null) {
                    send(t.subjectEmail, mail.refusedSubject(),
                            mail.refusedBody(type, orDash(status.refusalReasons()), authority, authorityUrl, url), t.locale);
                } else {
                    send(t.subjectEmail, mail.partlyRefusedSubject(),
                            mail.partlyRefusedBody(type, status.partialRefusalReasons(), authority, authorityUrl, url),
                            t.locale);
                }
            }
            case TicketEvents.COMPLETED -> send(t.subjectEmail, mail.completedSubject(),
                    (t.type == RequestType.ACCESS ? mail.completedBodyAccess(url) : mail.completedBody(type, url))
                            + (status.response() == null || status.response().isBlank() ? ""
                                    : mail.answerBlock(status.response())), t.locale);
            case "objection-upheld", "objection-overruled" -> {
                var decision = status.objectionDecision();
                String body = decision == null ? mail.decisionBody(url, authority, authorityUrl)
                        : decision.compellingGrounds()
                                ? mail.decisionOverruledBody(orDash(decision.reasons()), authority, authorityUrl, url)
                                : mail.decisionUpheldBody(url);
                send(t.subjectEmail, mail.decisionSubject(), body, t.locale);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The status links of every request of one address ("I lost my link"). */
    public void sendLinks(String email, String lang, List<LinkItem> items) {
        MailText mail = Texts.mail(lang);
        PageText page = Texts.page(lang);
        String list = items.stream()
                .map(i -> mail.linksItem(Texts.type(page, i.type()), SubjectLocale.date(i.receivedOn(), lang), links.url(i.token())))
                .collect(Collectors.joining("\n"));
        send(email, mail.linksSubject(), mail.linksBody(list), lang);
    }

    private void send(String to, String subject, String body, String lang) {
        MailText mail = Texts.mail(lang);
        mailer.send(Mail.withText(to, subject, body + mail.signature(config.controllerName())));
    }

    private String minutes() {
        return String.valueOf(verification.codeValidity().toMinutes());
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
