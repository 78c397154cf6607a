package dev.rightsdesk.intake.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the mails to the subject. English in {@code messages/mail_en.properties}, Dutch in {@code messages/mail_nl.properties}. */
@MessageBundle(value = "mail", locale = "en")
public interface MailText {

    String signature(String controller);
    String codeSubject(String controller);
    String codeBody(String controller, String type, String received, String code, String minutes, String url, String days);
    String packageCodeSubject();
    String packageCodeBody(String code, String minutes);
    String receivedSubject();
    String receivedBody(String type, String received, String due, String url);
    String verifiedSubject();
    String verifiedBody(String type, String due, String url);
    String extendedSubject();
    String extendedBody(String type, String due, String reason, String url, String authority, String authorityUrl);
    String refusedSubject();
    String refusedBody(String type, String reasons, String authority, String authorityUrl, String url);
    String completedSubject();
    String completedBody(String type, String url);
    String completedBodyAccess(String url);
    String decisionSubject();
    String decisionBody(String url, String authority, String authorityUrl);
    String linksSubject();
    String linksBody(String links);
    String linksItem(String type, String received, String url);
    String partlyRefusedSubject();
    String partlyRefusedBody(String type, String reasons, String authority, String authorityUrl, String url);
    String answerBlock(String answer);
    String decisionUpheldBody(String url);
    String decisionOverruledBody(String reasons, String authority, String authorityUrl, String url);
}
