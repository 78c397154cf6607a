package dev.rightsdesk.intake;

import dev.rightsdesk.intake.mail.SubjectMailer;
import dev.rightsdesk.intake.ratelimit.RateLimiter;
import dev.rightsdesk.intake.ratelimit.RateLimiter.Action;
import dev.rightsdesk.intake.status.StatusLinks;
import dev.rightsdesk.intake.verification.CodeCheck;
import dev.rightsdesk.intake.verification.CodePurpose;
import dev.rightsdesk.intake.verification.VerificationService;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The subject's steps after submitting, shared by the web pages and the JSON API: the status link and the
 * first code (in the ticket's transaction), the code mail (after commit), entering the code, asking for a
 * new one. Rate limits are counted here so both front doors share them.
 */
@ApplicationScoped
public class SubjectFlow {

    /** What a new ticket needs mailed once its transaction committed. */
    public record Welcome(UUID ticketId, String code) {
    }

    /** Where entering a code left the request. */
    public enum VerifyState {
        /** The code was right: the ticket is verified now. */
        VERIFIED,
        /** Nothing to do: verified before. */
        ALREADY_VERIFIED,
        /** Expired, refused or otherwise closed: no code can be entered. */
        CLOSED,
        /** The code was not accepted; {@link VerifyResult#check()} says why. */
        REJECTED
    }

    /** The outcome of entering a code; {@code statusToken} only when VERIFIED by this very code. */
    public record VerifyResult(VerifyState state, CodeCheck check, String statusToken) {
    }

    private static final Logger LOG = Logger.getLogger(SubjectFlow.class);

    private final TicketService tickets;
    private final VerificationService codes;
    private final StatusLinks links;
    private final SubjectMailer mailer;
    private final RateLimiter limiter;
    private final ManagedExecutor mailing;

    public SubjectFlow(TicketService tickets, VerificationService codes, StatusLinks links, SubjectMailer mailer,
            RateLimiter limiter, ManagedExecutor mailing) {
        this.mailing = mailing;
        this.tickets = tickets;
        this.codes = codes;
        this.links = links;
        this.mailer = mailer;
        this.limiter = limiter;
    }

    /** In the new ticket's transaction: its status link, and a code when the identity still needs confirming. */
    public Welcome prepare(Ticket ticket) {
        links.create(ticket);
        String code = ticket.isVerified() ? null : codes.issueFirst(ticket.id, CodePurpose.IDENTITY);
        return new Welcome(ticket.id, code);
    }

    /**
     * After commit: mails the code, off the request thread. Rendering and sending a mail (an SMTP round trip in
     * production) must not hold the subject's request or an HTTP worker; the code exists only in memory (the
     * database keeps its hash), so a mail lost in a crash is what it was before: the subject asks for a new code.
     * A failed mail is logged by id only.
     */
    public void deliver(Welcome welcome) {
        if (welcome.code() == null) {
            return;
        }
        mailing.runAsync(() -> deliverNow(welcome));
    }

    private void deliverNow(Welcome welcome) {
        try {
            Ticket ticket = QuarkusTransaction.requiringNew().call(() -> tickets.get(welcome.ticketId()));
            mailer.sendIdentityCode(ticket, welcome.code());
        } catch (RuntimeException e) {
            LOG.warnf("Code mail for ticket %s not sent (%s); the subject can ask for a new code",
                    welcome.ticketId(), e.getClass().getSimpleName());
        }
    }

    /** The subject enters the e-mail code of a request. */
    public VerifyResult verify(UUID ticketId, String code, String clientAddress) {
        limiter.hit(Action.VERIFY, clientAddress, null);
        Ticket known = find(ticketId);
        limiter.hit(Action.VERIFY, null, known.subjectEmailHash);
        return QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = tickets.get(ticketId);
            if (ticket.isVerified()) {
                // no token here: a bare ticket id must not open the status page; the link went by mail
                return new VerifyResult(VerifyState.ALREADY_VERIFIED, null, null);
            }
            if (ticket.status != TicketStatus.IDENTITY_UNVERIFIED) {
                return new VerifyResult(VerifyState.CLOSED, null, null);
            }
            CodeCheck check = codes.check(ticketId, CodePurpose.IDENTITY, code);
            if (!check.accepted()) {
                return new VerifyResult(VerifyState.REJECTED, check, null);
            }
            tickets.verify(ticket, TicketService.SUBJECT, "e-mail address confirmed with a one-time code");
            LOG.infof("Ticket %s verified by e-mail code", ticketId);
            return new VerifyResult(VerifyState.VERIFIED, check, links.tokenOf(ticketId).orElse(null));
        });
    }

    /**
     * A new identity code for an unverified request; the previous one stops working.
     *
     * @throws ProblemException 409 when the request no longer waits for a code
     */
    public void resend(UUID ticketId, String clientAddress) {
        limiter.hit(Action.RESEND, clientAddress, null);
        Ticket known = find(ticketId);
        requireUnverified(known);
        limiter.hit(Action.RESEND, null, known.subjectEmailHash);
        String code = QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = tickets.get(ticketId);
            requireUnverified(ticket);
            return codes.issue(ticketId, CodePurpose.IDENTITY);
        });
        deliver(new Welcome(ticketId, code));
    }

    /** The ticket, or a 404 problem. */
    public Ticket find(UUID ticketId) {
        Optional<Ticket> ticket = QuarkusTransaction.requiringNew().call(() -> tickets.find(ticketId));
        return ticket.orElseThrow(() -> ProblemException.notFound("Request"));
    }

    private static void requireUnverified(Ticket ticket) {
        if (ticket.isVerified()) {
            throw ProblemException.conflict("already-verified", "Already confirmed",
                    "This request is already confirmed; no code is needed");
        }
        if (ticket.status != TicketStatus.IDENTITY_UNVERIFIED) {
            throw ProblemException.conflict("request-closed", "Request closed",
                    "This request is closed; no code can be sent for it");
        }
    }
}
