package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.AccessConfig;
import dev.rightsdesk.intake.SubjectConfig;
import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.intake.i18n.SubjectLocale;
import dev.rightsdesk.intake.i18n.Texts;
import dev.rightsdesk.intake.status.StatusService;
import dev.rightsdesk.intake.status.SubjectStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/** Renders the status page of a request in words; shared by the status page and the package steps on it. */
@ApplicationScoped
public class StatusPages {

    private final WebPages pages;
    private final SubjectConfig config;
    private final AccessConfig access;

    public StatusPages(WebPages pages, SubjectConfig config, AccessConfig access) {
        this.pages = pages;
        this.config = config;
        this.access = access;
    }

    public Response render(WebPages.Context ctx, StatusService.Found found, String token, boolean codeSent,
            String packageError, int httpStatus) {
        PageText t = ctx.text();
        String lang = ctx.lang();
        SubjectStatus s = found.status();
        String closedOn = SubjectLocale.date(s.closedOn(), lang);
        String stage = switch (s.stage()) {
            case CONFIRM_EMAIL -> t.stageConfirmEmail();
            case CHECKING -> t.stageChecking();
            case WORKING -> t.stageWorking();
            case ANSWER_READY -> s.packageAvailable() ? t.stageAnswerReadyAccess() : t.stageAnswerReady();
            case COMPLETED -> t.stageCompleted(closedOn);
            case REFUSED -> t.stageRefused();
            case EXPIRED -> t.stageExpired();
        };
        String until = SubjectLocale.date(LocalDate.now(java.time.ZoneId.of(found.ticket().zone))
                .plusDays(access.downloadValidity().toDays()), lang);
        StatusView view = new StatusView(token, s, Texts.type(t, s.type()), SubjectLocale.date(s.receivedOn(), lang),
                SubjectLocale.date(s.dueDate(), lang), s.dueDate() == null ? "" : s.dueDate().toString(),
                SubjectLocale.date(s.originalDueDate(), lang), stage,
                s.stage() == SubjectStatus.Stage.CONFIRM_EMAIL ? "/requests/" + s.id() + "/verify" : null,
                t.extensionText(SubjectLocale.date(s.dueDate(), lang)),
                config.supervisoryAuthorityName(), config.supervisoryAuthorityUrl().toString(),
                new StatusView.PackageSection(s.packageAvailable(), codeSent, packageError, t.packageIntro(until)));
        return pages.html(ctx, Pages.status(ctx.chrome(), view), httpStatus);
    }
}
