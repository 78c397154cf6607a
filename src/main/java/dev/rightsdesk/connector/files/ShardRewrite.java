package dev.rightsdesk.connector.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.iceberg.SubjectMatch;
import dev.rightsdesk.connector.spi.ConnectorResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** One pass over the shards of a file dataset: count, or rewrite those that hold the subject. */
final class ShardRewrite {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What an edit may do with a row of the shard being rewritten. */
    interface Edit {
        Object field(Object row, String name);

        boolean hasField(String name);

        Object withField(Object row, String name, String value);
    }

    record Done(ObjectNode evidence, long rows, String versionBefore) {
    }

    private final FilesSettings settings;
    private final SubjectMatch subject;

    ShardRewrite(FilesSettings settings, SubjectMatch subject) {
        this.settings = settings;
        this.subject = subject;
    }

    /**
     * @param edit null removes a row of the subject, else the row to write in its place
     * @param dryRun count only, write nothing
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Done rewrite(BiFunction<Edit, Object, Object> edit, boolean dryRun) throws IOException {
        List<Path> shards = shards();
        String versionBefore = version(shards);
        ObjectNode ev = JSON.objectNode().put("dataset", settings.dataset()).put("versionBefore", versionBefore)
                .put("shardsScanned", shards.size());
        ArrayNode perShard = ev.putArray("shards");
        long total = 0;
        for (Path shard : shards) {
            ShardFormat format = ShardFormat.forFile(shard);
            ShardFormat.Shard read = format.read(shard);
            Edit ctx = new Edit() {
                public Object field(Object row, String name) {
                    return format.field(row, name);
                }

                public boolean hasField(String name) {
                    return format.hasField(read.schema(), name);
                }

                public Object withField(Object row, String name, String value) {
                    return format.withField(row, read.schema(), name, value);
                }
            };
            List<Object> kept = new ArrayList<>();
            long hits = 0;
            for (Object row : read.rows()) {
                if (subject.matches(name -> format.field(row, name))) {
                    hits++;
                    Object replacement = edit.apply(ctx, row);
                    if (replacement != null) {
                        kept.add(replacement);
                    }
                } else {
                    kept.add(row);
                }
            }
            if (hits == 0) {
                continue;
            }
            total += hits;
            ObjectNode entry = perShard.addObject().put("shard", rel(shard)).put("sha256Before", sha256(shard))
                    .put("rowsMatched", hits).put("rowsRemoved", read.rows().size() - kept.size());
            if (dryRun) {
                continue;
            }
            if (kept.isEmpty()) {
                Files.delete(shard);
                entry.put("deleted", true);
                continue;
            }
            // written beside the shard (same file system), then moved over it in one step
            Path temp = shard.resolveSibling(FilesConnector.tempPrefix() + UUID.randomUUID() + ".tmp");
            try {
                format.write(temp, new ShardFormat.Shard(read.schema(), kept));
                Files.move(temp, shard, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            entry.put("sha256After", sha256(shard));
        }
        ev.put("rowsMatched", total);
        if (!dryRun) {
            ev.put("versionAfter", version(shards()));
        } else {
            ev.put("dryRun", true);
        }
        return new Done(ev, total, versionBefore);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    ConnectorResult access() throws IOException {
        List<Path> shards = shards();
        ObjectNode answer = JSON.objectNode().put("dataset", settings.dataset()).put("version", version(shards));
        ArrayNode perShard = answer.putArray("shards");
        ArrayNode records = answer.putArray("records");
        long total = 0;
        for (Path shard : shards) {
            ShardFormat format = ShardFormat.forFile(shard);
            long hits = 0;
            for (Object row : format.read(shard).rows()) {
                if (subject.matches(name -> format.field(row, name))) {
                    hits++;
                    ObjectNode r = records.addObject();
                    settings.accessFields().forEach(f -> {
                        Object v = format.field(row, f);
                        r.put(f, v == null ? null : v.toString());
                    });
                }
            }
            if (hits > 0) {
                perShard.addObject().put("shard", rel(shard)).put("rows", hits);
                total += hits;
            }
        }
        ObjectNode ev = JSON.objectNode().put("dataset", settings.dataset()).put("shardsScanned", shards.size());
        if (total == 0) {
            return ConnectorResult.notFound("no records in " + settings.dataset(), ev);
        }
        if (settings.accessFields().isEmpty()) {
            answer.remove("records");
        }
        ArrayNode datasets = JSON.arrayNode();
        datasets.addObject().put("dataset", settings.dataset()).put("version", answer.path("version").asText());
        return ConnectorResult.completed(total + " records in " + perShard.size() + " shards", ev)
                .withAnswer(answer).withDatasets(datasets);
    }

    List<Path> shards() throws IOException {
        try (Stream<Path> walk = Files.walk(settings.directory())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> ShardFormat.forFile(p) != null).sorted().toList();
        }
    }

    /** A dataset version for files: the SHA-256 over the shards' names and contents, first 16 hex digits. */
    String version(List<Path> shards) throws IOException {
        MessageDigest all = digest();
        for (Path s : shards) {
            all.update((rel(s) + ":" + sha256(s) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(all.digest()).substring(0, 16);
    }

    private String rel(Path shard) {
        return settings.directory().relativize(shard).toString();
    }

    static String sha256(Path file) throws IOException {
        MessageDigest d = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
