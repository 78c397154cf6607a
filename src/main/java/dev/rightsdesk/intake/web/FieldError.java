package dev.rightsdesk.intake.web;

/** One problem with a form field: the id of the input it belongs to (the summary links there) and the message. */
public record FieldError(String id, String message) {
}
