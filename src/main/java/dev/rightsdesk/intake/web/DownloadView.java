package dev.rightsdesk.intake.web;

/** The page of a granted access-package download: the file link and until when it works. */
public record DownloadView(String fileHref, String expiresText, String expiresIso) {
}
