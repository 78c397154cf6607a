package dev.rightsdesk.intake.web;

import dev.rightsdesk.ticket.RequestType;
import java.util.List;
import java.util.Map;

/**
 * One request form as rendered: the values typed so far (re-shown after an error), the errors, and the
 * type-specific choices.
 *
 * @param slug        the type in the form's address ({@code /request/<slug>})
 * @param dueText     the date an answer is due if sent today, in words
 * @param dueIso      the same date, ISO (for {@code <time datetime>})
 * @param formKey     random key of this form, sent back and used as Idempotency-Key (a double click makes one ticket)
 * @param corrections the correction rows (rectification)
 */
public record FormView(
        RequestType type,
        String slug,
        String title,
        String intro,
        String dueText,
        String dueIso,
        String formKey,
        Map<String, String> values,
        List<FieldError> errors,
        List<CorrectionRow> corrections,
        List<Option> grounds,
        List<Option> bases,
        List<Option> purposes) {

    /** One correction: its number (from 1) and the ids of its three inputs. */
    public record CorrectionRow(int number, String fieldId, String currentId, String correctedId) {

        /** The first correction is required; the others may stay empty. */
        public boolean first() {
            return number == 1;
        }

        public String numberText() {
            return String.valueOf(number);
        }
    }

    /** The due date as {@code <time>}, for a message shown raw: the date text holds no markup (month names only). */
    public String dueHtml() {
        return "<time datetime=\"" + dueIso + "\">" + dueText + "</time>";
    }

    public String value(String id) {
        return values.getOrDefault(id, "");
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The message of the field's error, or empty. */
    public String error(String id) {
        return errors.stream().filter(e -> e.id().equals(id)).map(FieldError::message).findFirst().orElse("");
    }

    public boolean hasError(String id) {
        return errors.stream().anyMatch(e -> e.id().equals(id));
    }

    /** {@code aria-describedby} of an input: its hint (if any) and its error (if any). */
    public String describedBy(String id, boolean hint) {
        String ids = (hint ? id + "-hint" : "") + (hasError(id) ? " " + id + "-error" : "");
        return ids.trim();
    }

    public boolean isAccess() {
        return type == RequestType.ACCESS;
    }

    public boolean isRectification() {
        return type == RequestType.RECTIFICATION;
    }

    public boolean isErasure() {
        return type == RequestType.ERASURE;
    }

    public boolean isObjection() {
        return type == RequestType.OBJECTION;
    }

    public int rows() {
        return corrections.size();
    }
}
