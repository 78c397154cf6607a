package dev.rightsdesk.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The human-readable report of the access package ({@code templates/access/report.html}). */
@CheckedTemplate(basePath = "access")
public class Reports {

    /** One field of a system's data, flattened: {@code orders[0].total} and its value. */
    public record Row(String field, String value) {
    }

    /** One system in the report: its facts and its data as rows. */
    public record SystemSection(AccessPackage.SystemPart part, String outcomeText, List<Row> rows) {

        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    /** Everything the report shows; dates already written out in the subject's language. */
    public record ReportView(AccessPackage pkg, String receivedText, String generatedText, List<SystemSection> systems,
            AiReport ai, String authorityUrl, String formUrl) {

        public String requestId() {
            return String.valueOf(pkg.request().id());
        }

        public boolean hasSystems() {
            return !systems.isEmpty();
        }

        public boolean hasIdentifiers() {
            return pkg.subject().identifiers() != null && !pkg.subject().identifiers().isEmpty();
        }

        public String identifiersText() {
            return pkg.subject().identifiers().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

    public static native TemplateInstance report(ReportView view);
}
