package dev.rightsdesk.intake.web;

import dev.rightsdesk.deadline.Deadline;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.intake.SubjectSecrets;
import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.intake.i18n.SubjectLocale;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the request forms' views: the texts of each type, the choices, and the due date if sent now. */
@ApplicationScoped
public class FormViews {

    private final StatutoryClock clock;
    private final SubjectSecrets secrets;

    public FormViews(StatutoryClock clock, SubjectSecrets secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    /** The type named by a form address ({@code access}, {@code rectification}, ...). */
    public static Optional<RequestType> typeOf(String slug) {
        for (RequestType t : RequestType.values()) {
            if (t.slug().equals(slug)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The deadline of a request received now: what the pages promise before anything is sent (D1-D3). */
    public Deadline deadlineIfSentNow() {
        return clock.deadlineFor(Instant.now());
    }

    public FormView empty(RequestType type, String lang, PageText text) {
        return view(type, lang, text, secrets.newToken(), Map.of(), List.of(), List.of(), FormBinder.DEFAULT_ROWS);
    }

    public FormView view(RequestType type, String lang, PageText text, String formKey, Map<String, String> values,
            List<String> purposes, List<FieldError> errors, int rows) {
        Deadline deadline = deadlineIfSentNow();
        List<FormView.CorrectionRow> corrections = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            corrections.add(new FormView.CorrectionRow(i + 1, FormBinder.field(i, "field"), FormBinder.field(i, "current"),
                    FormBinder.field(i, "corrected")));
        }
        String ground = values.getOrDefault(FormBinder.GROUND, "");
        List<Option> grounds = new ArrayList<>();
        List<String> groundLabels = List.of(text.groundNone(), text.groundA(), text.groundB(), text.groundC(),
                text.groundD(), text.groundE(), text.groundF());
        for (int i = 0; i < FormBinder.GROUND_KEYS.size(); i++) {
            String key = FormBinder.GROUND_KEYS.get(i);
            grounds.add(new Option(FormBinder.groundId(key), key, groundLabels.get(i), null, key.equals(ground)));
        }
        String basis = values.getOrDefault(FormBinder.BASIS, "");
        List<Option> bases = List.of(
                new Option(FormBinder.basisId(RequestDetails.ObjectionBasis.LEGITIMATE_INTEREST),
                        RequestDetails.ObjectionBasis.LEGITIMATE_INTEREST.name(), text.basisLegitimateInterest(),
                        text.basisLegitimateInterestHint(), basis.equals(RequestDetails.ObjectionBasis.LEGITIMATE_INTEREST.name())),
                new Option(FormBinder.basisId(RequestDetails.ObjectionBasis.DIRECT_MARKETING),
                        RequestDetails.ObjectionBasis.DIRECT_MARKETING.name(), text.basisDirectMarketing(),
                        text.basisDirectMarketingHint(), basis.equals(RequestDetails.ObjectionBasis.DIRECT_MARKETING.name())));
        List<Option> purposeOptions = new ArrayList<>();
        for (String key : FormBinder.PURPOSE_KEYS) {
            String label = switch (key) {
                case RequestDetails.AI_TRAINING -> text.purposeAiTraining();
                case "direct-marketing" -> text.purposeDirectMarketing();
                case "profiling" -> text.purposeProfiling();
                default -> text.purposeAnalytics();
            };
            String hint = key.equals(RequestDetails.AI_TRAINING) ? text.purposeAiTrainingHint() : null;
            purposeOptions.add(new Option(FormBinder.purposeId(key), key, label, hint, purposes.contains(key)));
        }
        return new FormView(type, type.slug(), title(type, text), intro(type, text),
                SubjectLocale.date(deadline.due(), lang), deadline.due().toString(), formKey, values, errors, corrections,
                grounds, bases, purposeOptions);
    }

    static String title(RequestType type, PageText text) {
        return switch (type) {
            case ACCESS -> text.formTitleAccess();
            case RECTIFICATION -> text.formTitleRectification();
            case ERASURE -> text.formTitleErasure();
            case OBJECTION -> text.formTitleObjection();
        };
    }

    static String intro(RequestType type, PageText text) {
        return switch (type) {
            case ACCESS -> text.rightAccessText();
            case RECTIFICATION -> text.rightRectificationText();
            case ERASURE -> text.rightErasureText();
            case OBJECTION -> text.rightObjectionText();
        };
    }
}
