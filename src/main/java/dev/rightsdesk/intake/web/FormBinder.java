package dev.rightsdesk.intake.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.intake.IntakeRequest;
import dev.rightsdesk.intake.i18n.PageText;
import dev.rightsdesk.ticket.RequestDetails;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.SubjectIdentity;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a posted request form into an {@link IntakeRequest}, checking the same rules as the API with messages
 * in the subject's language, each tied to the input it concerns. The API stays the authority: what it still
 * refuses is shown too ({@link FormResource}).
 */
final class FormBinder {

    static final String EMAIL = "email";
    static final String NAME = "name";
    static final String CUSTOMER_ID = "customerId";
    static final String GROUND = "ground";
    static final String BASIS = "basis";
    static final String PURPOSES = "purposes";
    static final String GROUNDS = "grounds";
    static final String ROWS = "rows";
    static final int DEFAULT_ROWS = 1;
    static final int MAX_ROWS = 10;
    static final List<String> PURPOSE_KEYS = List.of(RequestDetails.AI_TRAINING, "direct-marketing", "profiling", "analytics");
    static final List<String> GROUND_KEYS = List.of("", "17(1)(a)", "17(1)(b)", "17(1)(c)", "17(1)(d)", "17(1)(e)", "17(1)(f)");
    private static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /** What the form held: the values to show again, the errors, and the request when there were none. */
    record Bound(Map<String, String> values, List<String> purposes, int rows, List<FieldError> errors, IntakeRequest request) {
    }

    private final ObjectMapper mapper;
    private final PageText text;
    private final String lang;

    FormBinder(ObjectMapper mapper, PageText text, String lang) {
        this.mapper = mapper;
        this.text = text;
        this.lang = lang;
    }

    static String field(int row, String part) {
        return "corrections-" + row + "-" + part;
    }

    static String groundId(String key) {
        return key.isEmpty() ? "ground-none" : "ground-" + key.charAt(key.length() - 2);
    }

    static String basisId(RequestDetails.ObjectionBasis basis) {
        return "basis-" + basis.name().toLowerCase().replace('_', '-');
    }

    static String purposeId(String key) {
        return "purpose-" + key;
    }

    /** How many correction rows the posted form had (and one more when the subject asked for another). */
    static int rows(MultivaluedMap<String, String> form, boolean addOne) {
        int rows;
        try {
            rows = Integer.parseInt(form.getFirst(ROWS));
        } catch (RuntimeException e) {
            rows = DEFAULT_ROWS;
        }
        rows = Math.max(DEFAULT_ROWS, Math.min(MAX_ROWS, rows));
        return addOne ? Math.min(MAX_ROWS, rows + 1) : rows;
    }

    Bound bind(RequestType type, MultivaluedMap<String, String> form, boolean addRow) {
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        String email = put(values, form, EMAIL);
        String name = put(values, form, NAME);
        String customerId = put(values, form, CUSTOMER_ID);
        if (email.isEmpty()) {
            errors.add(new FieldError(EMAIL, text.errEmailRequired()));
        } else if (email.length() > 254 || !email.matches(EMAIL_PATTERN)) {
            errors.add(new FieldError(EMAIL, text.errEmailFormat()));
        }
        tooLong(errors, NAME, name, 200, text.nameLabel());
        tooLong(errors, CUSTOMER_ID, customerId, 200, text.customerIdLabel());

        int rows = rows(form, addRow);
        List<String> purposes = new ArrayList<>();
        ObjectNode details = mapper.createObjectNode();
        switch (type) {
            case ACCESS -> {
            }
            case RECTIFICATION -> bindCorrections(form, values, errors, rows, details);
            case ERASURE -> {
                String ground = put(values, form, GROUND);
                if (!GROUND_KEYS.contains(ground)) {
                    errors.add(new FieldError(groundId(""), text.errGround()));
                } else if (!ground.isEmpty()) {
                    details.put("ground", ground);
                }
            }
            case OBJECTION -> bindObjection(form, values, errors, purposes, details);
        }
        IntakeRequest request = null;
        if (errors.isEmpty()) {
            Map<String, String> identifiers = customerId.isEmpty() ? Map.of() : Map.of(CUSTOMER_ID, customerId);
            request = new IntakeRequest(type, new SubjectIdentity(email, name.isEmpty() ? null : name, identifiers),
                    details, lang);
        }
        return new Bound(values, purposes, rows, errors, request);
    }

    private void bindCorrections(MultivaluedMap<String, String> form, Map<String, String> values, List<FieldError> errors,
            int rows, ObjectNode details) {
        ArrayNode corrections = details.putArray("corrections");
        for (int i = 0; i < rows; i++) {
            String what = put(values, form, field(i, "field"));
            String now = put(values, form, field(i, "current"));
            String should = put(values, form, field(i, "corrected"));
            if (what.isEmpty() && now.isEmpty() && should.isEmpty()) {
                continue;
            }
            String number = String.valueOf(i + 1);
            if (what.isEmpty()) {
                errors.add(new FieldError(field(i, "field"), text.errCorrectionField(number)));
            }
            if (should.isEmpty()) {
                errors.add(new FieldError(field(i, "corrected"), text.errCorrectionValue(number)));
            }
            tooLong(errors, field(i, "field"), what, 100, text.correctionFieldLabel());
            tooLong(errors, field(i, "current"), now, RequestDetails.MAX_TEXT, text.correctionCurrentLabel());
            tooLong(errors, field(i, "corrected"), should, RequestDetails.MAX_TEXT, text.correctionCorrectedLabel());
            ObjectNode c = corrections.addObject();
            c.put("field", what);
            if (!now.isEmpty()) {
                c.put("currentValue", now);
            }
            c.put("correctedValue", should);
        }
        if (corrections.isEmpty() && errors.stream().noneMatch(e -> e.id().startsWith("corrections-"))) {
            errors.add(new FieldError(field(0, "field"), text.errCorrectionsRequired()));
        }
    }

    private void bindObjection(MultivaluedMap<String, String> form, Map<String, String> values, List<FieldError> errors,
            List<String> purposes, ObjectNode details) {
        String basis = put(values, form, BASIS);
        RequestDetails.ObjectionBasis parsed = null;
        for (RequestDetails.ObjectionBasis b : RequestDetails.ObjectionBasis.values()) {
            if (b.name().equals(basis)) {
                parsed = b;
            }
        }
        if (parsed == null) {
            errors.add(new FieldError(basisId(RequestDetails.ObjectionBasis.LEGITIMATE_INTEREST), text.errBasisRequired()));
        } else {
            details.put("basis", parsed.name());
        }
        List<String> posted = form.get(PURPOSES) == null ? List.of() : form.get(PURPOSES);
        posted.stream().map(String::trim).filter(PURPOSE_KEYS::contains).distinct().forEach(purposes::add);
        if (purposes.isEmpty()) {
            errors.add(new FieldError(purposeId(PURPOSE_KEYS.get(0)), text.errPurposesRequired()));
        } else {
            ArrayNode array = details.putArray("purposes");
            purposes.forEach(array::add);
        }
        String grounds = put(values, form, GROUNDS);
        tooLong(errors, GROUNDS, grounds, RequestDetails.MAX_TEXT, text.groundsLabel());
        if (!grounds.isEmpty()) {
            details.put("grounds", grounds);
        }
    }

    private void tooLong(List<FieldError> errors, String id, String value, int max, String label) {
        if (value.length() > max) {
            errors.add(new FieldError(id, text.errTooLong(label.replace(" (optional)", "").replace(" (optioneel)", ""),
                    String.valueOf(max))));
        }
    }

    private static String put(Map<String, String> values, MultivaluedMap<String, String> form, String id) {
        String v = form.getFirst(id);
        v = v == null ? "" : v.strip();
        values.put(id, v);
        return v;
    }

    /** The form's id for a field path the API named ({@code subject.email}, {@code details.corrections[0].field}). */
    static String idOf(String apiPath) {
        if (apiPath == null) {
            return EMAIL;
        }
        String p = apiPath.replaceFirst("^subject\\.", "").replaceFirst("^details\\.", "");
        if (p.startsWith("identifiers")) {
            return CUSTOMER_ID;
        }
        var m = java.util.regex.Pattern.compile("^corrections\\[(\\d+)]\\.(field|currentValue|correctedValue)$").matcher(p);
        if (m.matches()) {
            String part = switch (m.group(2)) {
                case "currentValue" -> "current";
                case "correctedValue" -> "corrected";
                default -> "field";
            };
            return field(Integer.parseInt(m.group(1)), part);
        }
        if (p.startsWith("corrections")) {
            return field(0, "field");
        }
        if (p.startsWith("purposes")) {
            return purposeId(PURPOSE_KEYS.get(0));
        }
        return switch (p) {
            case NAME, EMAIL, GROUNDS -> p;
            case GROUND -> groundId("");
            case BASIS -> basisId(RequestDetails.ObjectionBasis.LEGITIMATE_INTEREST);
            default -> EMAIL;
        };
    }
}
