package dev.rightsdesk.access;

import dev.rightsdesk.intake.AccessConfig;
import dev.rightsdesk.intake.SubjectSecrets;
import dev.rightsdesk.intake.mail.SubjectMailer;
import dev.rightsdesk.intake.ratelimit.RateLimiter.Action;
import dev.rightsdesk.intake.ratelimit.RateLimiter;
import dev.rightsdesk.intake.status.SubjectStatus;
import dev.rightsdesk.intake.verification.CodeCheck;
import dev.rightsdesk.intake.verification.CodePurpose;
import dev.rightsdesk.intake.verification.VerificationService;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Hands out the access package: once an access ticket is answered, the subject asks for a fresh e-mail code,
 * enters it, and gets a download link that expires ({@code rightsdesk.access.download-validity}). The link's
 * token is stored as a hash only.
 */
@ApplicationScoped
public class AccessPackageService {

    /** The outcome of entering the package code: a link token when accepted. */
    public record Confirmation(CodeCheck check, String token, Instant expiresAt) {
    }

    /** A package ready to be sent: the ZIP and the date for its file name. */
    public record Download(byte[] zip, String fileName) {
    }

    private static final Logger LOG = Logger.getLogger(AccessPackageService.class);

    private final VerificationService codes;
    private final SubjectMailer mailer;
    private final RateLimiter limiter;
    private final SubjectSecrets secrets;
    private final AccessConfig config;
    private final AccessPackageBuilder builder;

    public AccessPackageService(VerificationService codes, SubjectMailer mailer, RateLimiter limiter,
            SubjectSecrets secrets, AccessConfig config, AccessPackageBuilder builder) {
        this.codes = codes;
        this.mailer = mailer;
        this.limiter = limiter;
        this.secrets = secrets;
        this.config = config;
        this.builder = builder;
    }

    /** Mails a fresh package code for an answered access ticket; 409 when there is no package to hand out. */
    public void sendCode(UUID ticketId, String clientAddress) {
        limiter.hit(Action.RESEND, clientAddress, null);
        Ticket ticket = available(ticketId);
        limiter.hit(Action.RESEND, null, ticket.subjectEmailHash);
        String code = QuarkusTransaction.requiringNew().call(() -> codes.issue(ticketId, CodePurpose.ACCESS_PACKAGE));
        try {
            mailer.sendPackageCode(ticket, code);
        } catch (RuntimeException e) {
            LOG.warnf("Package code mail for ticket %s not sent (%s)", ticketId, e.getClass().getSimpleName());
        }
    }

    /** Checks the package code; when right, grants a download link. */
    public Confirmation confirm(UUID ticketId, String code, String clientAddress) {
        limiter.hit(Action.VERIFY, clientAddress, null);
        Ticket ticket = available(ticketId);
        limiter.hit(Action.VERIFY, null, ticket.subjectEmailHash);
        return QuarkusTransaction.requiringNew().call(() -> {
            CodeCheck check = codes.check(ticketId, CodePurpose.ACCESS_PACKAGE, code);
            if (!check.accepted()) {
                return new Confirmation(check, null, null);
            }
            String token = secrets.newToken();
            AccessPackageGrant grant = new AccessPackageGrant();
            grant.id = UUID.randomUUID();
            grant.ticketId = ticketId;
            grant.tokenHash = SubjectSecrets.tokenHash(token);
            grant.createdAt = Instant.now();
            grant.expiresAt = grant.createdAt.plus(config.downloadValidity());
            grant.persist();
            LOG.infof("Access package download granted for ticket %s", ticketId);
            return new Confirmation(check, token, grant.expiresAt);
        });
    }

    /** When a link works until, or empty when it is unknown or expired. */
    public Optional<Instant> validUntil(String token) {
        return QuarkusTransaction.requiringNew().call(() -> grant(token).map(g -> g.expiresAt));
    }

    /** The package behind a link, or empty when the link is unknown, expired, or the ticket no longer has one. */
    public Optional<Download> download(String token) {
        return QuarkusTransaction.requiringNew().call(() -> grant(token).flatMap(g -> {
            Ticket ticket = Ticket.findById(g.ticketId);
            if (ticket == null || !SubjectStatus.packageAvailable(ticket)) {
                return Optional.empty();
            }
            g.downloads++;
            g.lastDownloadAt = Instant.now();
            LOG.infof("Access package of ticket %s downloaded", ticket.id);
            return Optional.of(new Download(builder.zip(ticket),
                    "access-package-" + ticket.receivedOn + ".zip"));
        }));
    }

    private static Optional<AccessPackageGrant> grant(String token) {
        if (!SubjectSecrets.wellFormedToken(token)) {
            return Optional.empty();
        }
        return AccessPackageGrant.byTokenHash(SubjectSecrets.tokenHash(token)).filter(g -> Instant.now().isBefore(g.expiresAt));
    }

    private static Ticket available(UUID ticketId) {
        Ticket ticket = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findByIdOptional(ticketId))
                .orElseThrow(() -> ProblemException.notFound("Request"));
        if (!SubjectStatus.packageAvailable(ticket)) {
            throw ProblemException.conflict("package-not-available", "No package to download",
                    "A package exists only for an access request that has been answered");
        }
        return ticket;
    }
}
