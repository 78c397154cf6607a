package dev.rightsdesk.intake.web;

import dev.rightsdesk.intake.status.SubjectStatus;

/**
 * The status page of one request, in words: the stage, the dates, an extension with its reason, a refusal
 * with its reasons and the complaint rights, and (access) the package download.
 */
public record StatusView(
        String token,
        SubjectStatus status,
        String typeText,
        String receivedText,
        String dueText,
        String dueIso,
        String originalDueText,
        String stageText,
        String confirmHref,
        String extensionText,
        String authority,
        String authorityUrl,
        PackageSection pkg) {

    /** The download part (access requests only). */
    public record PackageSection(boolean available, boolean codeSent, String error, String introText) {

        public boolean hasError() {
            return error != null && !error.isEmpty();
        }
    }

    /** The reference to quote when writing to the controller, e.g. RD-3F2A9C1B. */
    public String reference() {
        return dev.rightsdesk.ticket.TicketReference.of(status.id());
    }

    public boolean needsConfirmation() {
        return confirmHref != null;
    }

    public boolean isExtended() {
        return status.extended() && !status.status().isClosed();
    }

    public boolean isRefused() {
        return status.status() == dev.rightsdesk.ticket.TicketStatus.REFUSED;
    }

    public boolean hasRefusalReasons() {
        return status.refusalReasons() != null && !status.refusalReasons().isBlank();
    }

    public boolean hasExtensionReason() {
        return status.extensionReason() != null && !status.extensionReason().isBlank();
    }

    public boolean hasPartialRefusal() {
        return !isRefused() && status.partialRefusalReasons() != null && !status.partialRefusalReasons().isBlank();
    }

    public boolean hasResponse() {
        return status.response() != null && !status.response().isBlank();
    }

    public boolean hasObjectionDecision() {
        return status.objectionDecision() != null;
    }

    public boolean objectionOverruled() {
        return hasObjectionDecision() && status.objectionDecision().compellingGrounds();
    }

    /**
     * The complaint rights are shown whenever the subject might disagree (Art. 12(4)): extended, refused in whole
     * or in part, or an objection overruled by compelling grounds.
     */
    public boolean showRights() {
        return isRefused() || status.extended() || hasPartialRefusal() || objectionOverruled();
    }

    public boolean showDue() {
        return !status.status().isClosed();
    }

    public String packageCodeAction() {
        return "/status/" + token + "/package-code";
    }

    public String packageAction() {
        return "/status/" + token + "/package";
    }
}
