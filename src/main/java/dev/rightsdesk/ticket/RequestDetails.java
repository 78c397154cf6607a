package dev.rightsdesk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.RequestType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The type-specific part of a request, parsed and checked against the rules of its article. Field
 * paths in errors are relative to the request body ({@code details.corrections[0].correctedValue}).
 */
public sealed interface RequestDetails {

    /** Access (Art. 15) needs no details. */
    record Access() implements RequestDetails {
    }

    /** Rectification (Art. 16): what is wrong and what is right. */
    record Rectification(List<Correction> corrections) implements RequestDetails {
    }

    record Correction(String field, String currentValue, String correctedValue) {
    }

    /** Erasure (Art. 17), optionally naming its ground, one of 17(1)(a) to 17(1)(f). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Erasure(String ground) implements RequestDetails {
    }

    /** Objection (Art. 21): 21(1) legitimate interest or public task, 21(2)/(3) direct marketing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Objection(ObjectionBasis basis, List<String> purposes, String grounds) implements RequestDetails {

        public boolean coversAiTraining() {
            return purposes != null && purposes.contains(AI_TRAINING);
        }
    }

    enum ObjectionBasis {
        /** Art. 21(1): processing on legitimate interest or public task; the controller may show compelling grounds. */
        LEGITIMATE_INTEREST,
        /** Art. 21(2)/(3): direct marketing, including profiling for it; absolute. */
        DIRECT_MARKETING
    }

    String AI_TRAINING = "ai-training";
    Set<String> GROUNDS = Set.of("17(1)(a)", "17(1)(b)", "17(1)(c)", "17(1)(d)", "17(1)(e)", "17(1)(f)");
    int MAX_CORRECTIONS = 50;
    int MAX_TEXT = 2000;

    ObjectMapper STRICT = dev.rightsdesk.platform.error.StrictJson.apply(new ObjectMapper())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Parses {@code details} for {@code type}; throws a 400 problem naming every offending field. */
    static RequestDetails parse(RequestType type, JsonNode details) {
        JsonNode node = details == null || details.isNull() ? STRICT.createObjectNode() : details;
        if (!node.isObject()) {
            throw ProblemException.invalid("details must be a JSON object", new FieldViolation("details", "must be an object"));
        }
        return switch (type) {
            case ACCESS -> {
                if (node.size() > 0) {
                    throw ProblemException.invalid("An access request takes no details",
                            new FieldViolation("details", "must be empty for ACCESS"));
                }
                yield new Access();
            }
            case RECTIFICATION -> checkRectification(read(node, Rectification.class));
            case ERASURE -> checkErasure(read(node, Erasure.class));
            case OBJECTION -> checkObjection(read(node, Objection.class));
        };
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid("details holds a field this request type does not take",
                    new FieldViolation("details" + path(e), "is not a known field"));
        } catch (JsonMappingException e) {
            throw ProblemException.invalid("details has a value of the wrong type",
                    new FieldViolation("details" + path(e), "has the wrong type or value"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalid("details could not be read", new FieldViolation("details", "is malformed"));
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
    }

    private static Rectification checkRectification(Rectification r) {
        List<FieldViolation> errors = new ArrayList<>();
        if (r.corrections() == null || r.corrections().isEmpty()) {
            errors.add(new FieldViolation("details.corrections", "must name at least one correction"));
        } else if (r.corrections().size() > MAX_CORRECTIONS) {
            errors.add(new FieldViolation("details.corrections", "must hold at most " + MAX_CORRECTIONS + " items"));
        } else {
            for (int i = 0; i < r.corrections().size(); i++) {
                Correction c = r.corrections().get(i);
                String at = "details.corrections[" + i + "]";
                if (c == null) {
                    errors.add(new FieldViolation(at, "must be an object"));
                    continue;
                }
                requireText(errors, at + ".field", c.field(), 100);
                optionalText(errors, at + ".currentValue", c.currentValue());
                requireText(errors, at + ".correctedValue", c.correctedValue(), MAX_TEXT);
            }
        }
        fail(errors, "The rectification is not complete");
        return r;
    }

    private static Erasure checkErasure(Erasure e) {
        if (e.ground() != null && !GROUNDS.contains(e.ground())) {
            throw ProblemException.invalid("Unknown erasure ground",
                    new FieldViolation("details.ground", "must be one of 17(1)(a) to 17(1)(f)"));
        }
        return e;
    }

    private static Objection checkObjection(Objection o) {
        List<FieldViolation> errors = new ArrayList<>();
        if (o.basis() == null) {
            errors.add(new FieldViolation("details.basis", "is required; one of LEGITIMATE_INTEREST, DIRECT_MARKETING"));
        }
        if (o.purposes() == null || o.purposes().isEmpty()) {
            errors.add(new FieldViolation("details.purposes", "must name at least one purpose, such as ai-training"));
        } else {
            if (o.purposes().size() > 20) {
                errors.add(new FieldViolation("details.purposes", "must hold at most 20 purposes"));
            }
            for (int i = 0; i < o.purposes().size(); i++) {
                String p = o.purposes().get(i);
                if (p == null || !p.matches("^[a-z0-9][a-z0-9-]{0,63}$")) {
                    errors.add(new FieldViolation("details.purposes[" + i + "]",
                            "must be a purpose key in lower case, such as ai-training"));
                }
            }
        }
        optionalText(errors, "details.grounds", o.grounds());
        fail(errors, "The objection is not complete");
        return o;
    }

    private static void requireText(List<FieldViolation> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldViolation(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
    }

    private static void optionalText(List<FieldViolation> errors, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new FieldViolation(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static void fail(List<FieldViolation> errors, String detail) {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-request", "The request is not valid", detail, errors);
        }
    }
}
