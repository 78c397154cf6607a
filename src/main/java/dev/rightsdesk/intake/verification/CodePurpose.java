package dev.rightsdesk.intake.verification;

/** What a one-time code proves; a code issued for one purpose never confirms another. */
public enum CodePurpose {
    /** The subject controls the e-mail address of the request (Art. 12(6), R-identity). */
    IDENTITY,
    /** Fresh re-confirmation before the access package is handed out. */
    ACCESS_PACKAGE
}
