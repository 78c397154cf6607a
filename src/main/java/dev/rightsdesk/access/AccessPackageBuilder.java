package dev.rightsdesk.access;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rightsdesk.ai.access.AiAccessSections;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.intake.PublicAddress;
import dev.rightsdesk.intake.SubjectConfig;
import dev.rightsdesk.intake.i18n.SubjectLocale;
import dev.rightsdesk.ticket.Ticket;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the access package of a ticket: {@code package.json} ({@link AccessPackage}) and {@code report.html} for
 * people, zipped. Facts and data come from {@link AccessPackageSource}, the AI section from {@link AiAccessSections}.
 * Built on each download, so nothing more than the task answers themselves is kept at rest.
 */
@ApplicationScoped
public class AccessPackageBuilder {

    private static final int MAX_ROWS = 5000;

    private final AccessPackageSource systems;
    private final AiAccessSections ai;
    private final SubjectConfig config;
    private final ObjectMapper json;
    private final StatutoryClock clock;
    private final PublicAddress address;

    public AccessPackageBuilder(AccessPackageSource systems, AiAccessSections ai, SubjectConfig config, ObjectMapper mapper,
            StatutoryClock clock, PublicAddress address) {
        this.clock = clock;
        this.address = address;
        this.systems = systems;
        this.ai = ai;
        this.config = config;
        this.json = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The package of {@code ticket}, as data. */
    @Transactional
    public AccessPackage assemble(Ticket ticket) {
        PackageText text = text(ticket.locale);
        String lang = SubjectLocale.normalise(ticket.locale);
        List<AccessPackage.SystemPart> parts = new ArrayList<>();
        for (AccessPackageSource.SystemAnswer a : systems.answers(ticket)) {
            var f = a.system();
            parts.add(new AccessPackage.SystemPart(f.key(), f.name(), f.kind(), nonNull(f.purposes()),
                    nonNull(f.categories()), nonNull(f.recipients()), f.retention(), f.source(),
                    f.automatedDecisionMaking(), f.transferSafeguards(), a.outcome(), a.answeredAt(), a.data(), a.evidence()));
        }
        var overview = new AccessPackage.Overview(
                union(parts, AccessPackage.SystemPart::purposes), union(parts, AccessPackage.SystemPart::categories),
                union(parts, AccessPackage.SystemPart::recipients), distinct(parts, AccessPackage.SystemPart::retention),
                distinct(parts, AccessPackage.SystemPart::source),
                distinct(parts, AccessPackage.SystemPart::automatedDecisionMaking),
                distinct(parts, AccessPackage.SystemPart::transferSafeguards));
        String authorityUrl = config.supervisoryAuthorityUrl().toString();
        var rights = new AccessPackage.Rights(text.rightRectify(), text.rightErase(), text.rightRestrict(),
                text.rightObject(),
                new AccessPackage.Complaint(config.supervisoryAuthorityName(), config.supervisoryAuthorityUrl(),
                        text.rightComplain(config.supervisoryAuthorityName(), authorityUrl)),
                text.rightCourt(), text.rightHow(formUrl()));
        return new AccessPackage(AccessPackage.FORMAT, Instant.now(), lang,
                new AccessPackage.Controller(config.controllerName(), config.privacyContact().orElse(null)),
                new AccessPackage.RequestInfo(ticket.id, ticket.receivedOn, ticket.effectiveDue),
                new AccessPackage.Subject(ticket.subjectEmail, ticket.subjectName, identifiers(ticket)),
                overview, parts, ai.forTicket(ticket.id), rights);
    }

    /** The ZIP: {@code report.html} and {@code package.json}. */
    @Transactional
    public byte[] zip(Ticket ticket) {
        AccessPackage pkg = assemble(ticket);
        byte[] report = report(pkg).getBytes(StandardCharsets.UTF_8);
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "report.html", report);
            entry(zip, "package.json", json.writeValueAsBytes(pkg));
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The human-readable report of a package. */
    public String report(AccessPackage pkg) {
        PackageText text = text(pkg.language());
        List<Reports.SystemSection> sections = new ArrayList<>();
        for (AccessPackage.SystemPart part : pkg.systems()) {
            String outcome = "COMPLETED".equals(part.outcome()) || "PARTIAL".equals(part.outcome()) ? text.outcomeCompleted()
                    : "NOT_FOUND".equals(part.outcome()) ? text.outcomeNotFound()
                    : text.outcomeOther(String.valueOf(part.outcome()));
            List<Reports.Row> rows = new ArrayList<>();
            flatten("", part.data(), rows);
            sections.add(new Reports.SystemSection(part, outcome, rows));
        }
        var view = new Reports.ReportView(pkg, SubjectLocale.date(pkg.request().receivedOn(), pkg.language()),
                SubjectLocale.date(clock.dateOf(pkg.generatedAt()), pkg.language()), sections,
                AiReport.of(pkg.ai(), text, pkg.language(), clock.zone()), config.supervisoryAuthorityUrl().toString(), formUrl());
        return Reports.report(view).setLocale(pkg.language()).render();
    }

    private static void flatten(String path, JsonNode node, List<Reports.Row> rows) {
        if (node == null || node.isNull() || rows.size() >= MAX_ROWS) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), rows);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + (i + 1) + "]", node.get(i), rows);
            }
        } else {
            rows.add(new Reports.Row(path.isEmpty() ? "-" : path, node.asText()));
        }
    }

    private Map<String, String> identifiers(Ticket ticket) {
        if (ticket.subjectIdentifiersJson == null) {
            return Map.of();
        }
        try {
            return json.readValue(ticket.subjectIdentifiersJson, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            return Map.of();
        }
    }

    private String formUrl() {
        return address.base() + "/";
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> union(List<AccessPackage.SystemPart> parts, Function<AccessPackage.SystemPart, List<String>> f) {
        Set<String> all = new LinkedHashSet<>();
        parts.forEach(p -> all.addAll(f.apply(p)));
        return List.copyOf(all);
    }

    private static List<String> distinct(List<AccessPackage.SystemPart> parts, Function<AccessPackage.SystemPart, String> f) {
        Set<String> all = new LinkedHashSet<>();
        parts.stream().map(f).filter(s -> s != null && !s.isBlank()).forEach(all::add);
        return List.copyOf(all);
    }

    static PackageText text(String lang) {
        return MessageBundles.get(PackageText.class, Localized.Literal.of(SubjectLocale.normalise(lang)));
    }
}
