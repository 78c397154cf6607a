package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.mail.LocalMailbox;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The subject's page templates ({@code templates/subject/*.html}), checked at build time. */
@CheckedTemplate(basePath = "subject")
public class Pages {

    /** The start page: the four rights and the due date if sent today. */
    public record HomeView(String dueText, String dueIso) {

        /** The due date as {@code <time>}, for a message shown raw: the date text holds no markup. */
        public String dueHtml() {
            return "<time datetime=\"" + dueIso + "\">" + dueText + "</time>";
        }
    }

    /** A page that only says something: an error, a wait, a confirmation. */
    public record MessageView(String title, String text, String linkHref, String linkText) {

        public boolean hasLink() {
            return linkHref != null;
        }
    }

    public static native TemplateInstance home(Chrome chrome, HomeView view);

    public static native TemplateInstance form(Chrome chrome, FormView view);

    public static native TemplateInstance verify(Chrome chrome, VerifyView view);

    public static native TemplateInstance status(Chrome chrome, StatusView view);

    public static native TemplateInstance lostLink(Chrome chrome, LostLinkView view);

    public static native TemplateInstance message(Chrome chrome, MessageView view);

    public static native TemplateInstance download(Chrome chrome, DownloadView view);

    public static native TemplateInstance mailbox(Chrome chrome, List<LocalMailbox.Message> mails);
}
