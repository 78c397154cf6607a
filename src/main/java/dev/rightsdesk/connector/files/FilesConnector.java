package dev.rightsdesk.connector.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.iceberg.SubjectMatch;
import dev.rightsdesk.connector.iceberg.residue.ResidueScanner;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.Correction;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A file dataset (docs/connectors.md "File datasets"): a folder of Parquet or JSONL shards. Erasure and
 * rectification rewrite each shard holding the subject into a temporary file beside it and move it over the old
 * one atomically (readers see the old shard or the new one, never half); then every file in the folder is decoded
 * and checked for the subject.
 */
public final class FilesConnector implements DataStoreConnector {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String TEMP_PREFIX = ".rd-";

    private final FilesSettings settings;

    FilesConnector(FilesSettings settings) {
        this.settings = settings;
    }

    @Override
    public ConnectorResult execute(ConnectorCommand command, Progress progress) throws ConnectorFailure {
        SubjectMatch subject = SubjectMatch.of(command, settings.identity(), settings.hmac());
        if (subject.isEmpty()) {
            return ConnectorResult.notFound("no verified identifier this dataset is keyed by", base());
        }
        progress.acknowledge();
        try {
            removeStaleTemporaries();
            return switch (command.action()) {
                case ACCESS -> new ShardRewrite(settings, subject).access();
                case ERASURE -> erase(subject, command.dryRun(), "recordsRemoved");
                case RECTIFICATION -> rectify(subject, command);
                case OBJECTION -> object(subject, command);
            };
        } catch (IOException | RuntimeException e) {
            throw new ConnectorFailure("dataset " + settings.dataset() + ": " + e.getClass().getSimpleName(), true, e);
        }
    }

    private ConnectorResult erase(SubjectMatch subject, boolean dryRun, String countField)
            throws IOException, ConnectorFailure {
        ShardRewrite.Done done = new ShardRewrite(settings, subject).rewrite((format, row) -> null, dryRun);
        if (done.rows() == 0) {
            return ConnectorResult.notFound("no records in " + settings.dataset(), done.evidence());
        }
        if (!dryRun) {
            finalCheck(done.evidence(), new ResidueScanner(subject.needles(),
                    ResidueScanner.anyValueContains(subject.needles())));
        }
        return ConnectorResult.completed((dryRun ? "would remove " : "removed ") + done.rows() + " records",
                done.evidence()).withDatasets(dataset(done.versionBefore(), countField, done.rows()));
    }

    private ConnectorResult rectify(SubjectMatch subject, ConnectorCommand command) throws IOException, ConnectorFailure {
        Set<String> old = new LinkedHashSet<>();
        BiFunction<ShardRewrite.Edit, Object, Object> edit = (ctx, row) -> {
            Object out = row;
            for (Correction c : command.corrections()) {
                Object before = ctx.field(out, c.field());
                if (before != null && ctx.hasField(c.field())) {
                    old.add(before.toString().toLowerCase(Locale.ROOT));
                    out = ctx.withField(out, c.field(), c.correctedValue());
                }
            }
            return out;
        };
        ShardRewrite.Done done = new ShardRewrite(settings, subject).rewrite(edit, command.dryRun());
        if (done.rows() == 0) {
            return ConnectorResult.notFound("no records in " + settings.dataset(), done.evidence());
        }
        command.corrections().forEach(c -> old.remove(c.correctedValue().toLowerCase(Locale.ROOT)));
        if (!command.dryRun()) {
            Set<String> ids = subject.needles();
            finalCheck(done.evidence(), new ResidueScanner(Set.of(),
                    values -> values.stream().anyMatch(ids::contains) && values.stream().anyMatch(old::contains)));
        }
        return ConnectorResult.completed("corrected " + done.rows() + " records", done.evidence())
                .withDatasets(dataset(done.versionBefore(), null, 0));
    }

    private ConnectorResult object(SubjectMatch subject, ConnectorCommand command) throws IOException, ConnectorFailure {
        if (!command.purposes().isEmpty() && command.purposes().stream().noneMatch(settings.objectionPurposes()::contains)) {
            return ConnectorResult.notFound("dataset not used for the purposes objected to", base());
        }
        if (settings.objectionErases()) {
            return erase(subject, command.dryRun(), "recordsExcluded");
        }
        ShardRewrite.Done done = new ShardRewrite(settings, subject).rewrite((f, row) -> row, true);
        if (done.rows() == 0) {
            return ConnectorResult.notFound("no records in " + settings.dataset(), done.evidence());
        }
        return ConnectorResult.completed("objection recorded at version " + done.versionBefore()
                + "; records kept, to be excluded from training", done.evidence().put("rowsErased", 0))
                .withDatasets(dataset(done.versionBefore(), "recordsExcluded", done.rows()));
    }

    /** Decodes every file in the folder, temporaries and non-shards included. */
    private void finalCheck(ObjectNode evidence, ResidueScanner scanner) throws IOException, ConnectorFailure {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Path file : allFiles()) {
            scanned++;
            if (scanner.scan(file).hits() > 0) {
                found.add(settings.directory().relativize(file).toString());
            }
        }
        if (!found.isEmpty()) {
            throw new ConnectorFailure("final check: " + found.size() + " file(s) of dataset " + settings.dataset()
                    + " still hold the subject: " + String.join(", ", found), false);
        }
        evidence.putObject("finalCheck").put("filesScanned", scanned).put("filesHoldingSubject", 0);
    }

    /** A temporary of ours left by a crash may hold the subject; it is never a shard. */
    private void removeStaleTemporaries() throws IOException {
        for (Path f : allFiles()) {
            if (f.getFileName().toString().startsWith(TEMP_PREFIX)) {
                Files.deleteIfExists(f);
            }
        }
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(settings.directory())) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private ArrayNode dataset(String version, String countField, long rows) {
        ArrayNode out = JSON.arrayNode();
        ObjectNode d = out.addObject().put("dataset", settings.dataset()).put("version", version);
        if (countField != null) {
            d.put(countField, rows);
        }
        return out;
    }

    private ObjectNode base() {
        return JSON.objectNode().put("dataset", settings.dataset());
    }

    static String tempPrefix() {
        return TEMP_PREFIX;
    }
}
