package dev.rightsdesk.access;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.ai.access.AiAccessSection;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The machine-readable access package ({@code package.json}): every item of Art. 15 GDPR, overall and per connected
 * system, the copy of the data per system (15(3)), and the AI section (issue 4's {@link AiAccessSection}). Keys
 * are stable English names; the texts are in the subject's language.
 *
 * @param overview what Art. 15(1)(a)-(d), (g), (h) and 15(2) say over all systems together
 * @param systems  one part per connected system, with its facts and its copy of the data
 * @param rights   Art. 15(1)(e) and (f): the rights to rectify, erase, restrict, object, and to complain
 */
@JsonPropertyOrder({"format", "generatedAt", "language", "controller", "request", "subject", "overview", "systems", "ai",
        "rights"})
public record AccessPackage(
        String format,
        Instant generatedAt,
        String language,
        Controller controller,
        RequestInfo request,
        Subject subject,
        Overview overview,
        List<SystemPart> systems,
        AiAccessSection ai,
        Rights rights) {

    public static final String FORMAT = "rightsdesk.access-package.v1";

    public record Controller(String name, String contact) {
    }

    public record RequestInfo(UUID id, LocalDate receivedOn, LocalDate dueDate) {
    }

    /** The identity the subject gave with the request. */
    public record Subject(String email, String name, Map<String, String> identifiers) {
    }

    public record Overview(List<String> purposes, List<String> categories, List<String> recipients,
            List<String> retention, List<String> sources, List<String> automatedDecisionMaking,
            List<String> transferSafeguards) {
    }

    /** One connected system: the Art. 15 facts from the registry and its copy of the subject's data. */
    @JsonPropertyOrder({"key", "name", "kind", "purposes", "categories", "recipients", "retention", "source",
            "automatedDecisionMaking", "transferSafeguards", "outcome", "answeredAt", "data", "evidence"})
    public record SystemPart(String key, String name, String kind, List<String> purposes, List<String> categories,
            List<String> recipients, String retention, String source, String automatedDecisionMaking,
            String transferSafeguards, String outcome, Instant answeredAt, JsonNode data, JsonNode evidence) {
    }

    public record Rights(String rectification, String erasure, String restriction, String objection, Complaint complaint,
            String judicialRemedy, String howToExercise) {
    }

    public record Complaint(String supervisoryAuthority, URI url, String text) {
    }
}
