package dev.rightsdesk.connector.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.ExpireSnapshots;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.UpdateProperties;

/**
 * The steps after a copy-on-write rewrite that make the old values unreachable and then absent: dropping refs that
 * pin old snapshots, expiring snapshots by id, rewriting manifests, removing orphan files. Works on tables whose
 * location is on a local or mounted file system (the on-disk steps list files with java.nio).
 */
final class TableJanitor {

    private final Table table;

    TableJanitor(Table table) {
        this.table = table;
    }

    /** Sets metrics mode {@code none} on personal columns so new files and manifests keep no bounds of them. */
    List<String> metricsNone(Collection<String> columns) {
        List<String> changed = new ArrayList<>();
        UpdateProperties update = table.updateProperties();
        for (String column : columns) {
            String key = "write.metadata.metrics.column." + column;
            if (table.schema().findField(column) != null && !"none".equals(table.properties().get(key))) {
                update.set(key, "none");
                changed.add(column);
            }
        }
        if (!changed.isEmpty()) {
            update.commit();
            table.refresh();
        }
        return changed;
    }

    /** Tags and branches (other than main) whose snapshot is one of {@code tainted}. */
    List<String> pinningRefs(Set<Long> tainted) {
        List<String> refs = new ArrayList<>();
        for (Map.Entry<String, SnapshotRef> e : table.refs().entrySet()) {
            if (!e.getKey().equals(SnapshotRef.MAIN_BRANCH) && tainted.contains(e.getValue().snapshotId())) {
                refs.add((e.getValue().isTag() ? "tag:" : "branch:") + e.getKey());
            }
        }
        return refs;
    }

    void removeRefs(List<String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        var manage = table.manageSnapshots();
        for (String ref : refs) {
            String name = ref.substring(ref.indexOf(':') + 1);
            if (ref.startsWith("tag:")) {
                manage.removeTag(name);
            } else {
                manage.removeBranch(name);
            }
        }
        manage.commit();
        table.refresh();
    }

    /** Expires exactly these snapshots (never the current one) and deletes the files only they reached. */
    List<Long> expire(Collection<Long> ids) {
        long current = table.currentSnapshot() == null ? -1 : table.currentSnapshot().snapshotId();
        List<Long> expired = new ArrayList<>();
        ExpireSnapshots expire = table.expireSnapshots().cleanExpiredFiles(true);
        for (Long id : ids) {
            if (id != current && table.snapshot(id) != null) {
                expire.expireSnapshotId(id);
                expired.add(id);
            }
        }
        if (!expired.isEmpty()) {
            expire.commit();
            table.refresh();
        }
        return expired;
    }

    /** Rewrites all manifests of the current snapshot into new ones; returns the snapshot it replaced. */
    Long rewriteManifests() {
        Snapshot before = table.currentSnapshot();
        if (before == null || before.allManifests(table.io()).isEmpty()) {
            return null;
        }
        table.rewriteManifests().clusterBy(file -> "all").rewriteIf(m -> true)
                .set("rightsdesk.operation", "manifest-rewrite").commit();
        table.refresh();
        return before.snapshotId();
    }

    /** Every file the table's metadata reaches: metadata files, manifest lists, manifests, data and delete files. */
    Set<Path> reachable() {
        TableMetadata meta = ((HasTableOperations) table).operations().current();
        Set<Path> out = new LinkedHashSet<>();
        out.add(local(meta.metadataFileLocation()));
        meta.previousFiles().forEach(e -> out.add(local(e.file())));
        meta.statisticsFiles().forEach(f -> out.add(local(f.path())));
        meta.partitionStatisticsFiles().forEach(f -> out.add(local(f.path())));
        for (Snapshot s : table.snapshots()) {
            if (s.manifestListLocation() != null) {
                out.add(local(s.manifestListLocation()));
            }
            for (ManifestFile m : s.allManifests(table.io())) {
                out.add(local(m.path()));
                try (ManifestReader<? extends org.apache.iceberg.ContentFile<?>> reader =
                             m.content() == org.apache.iceberg.ManifestContent.DATA
                                     ? ManifestFiles.read(m, table.io(), table.specs())
                                     : ManifestFiles.readDeleteManifest(m, table.io(), table.specs())) {
                    reader.forEach(f -> out.add(local(f.location())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** Every regular file under the table's location, checksum files included. */
    List<Path> onDisk() {
        Path root = local(table.location());
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes files under the location that no metadata reaches and that are older than {@code minAge}; a checksum
     * file ({@code .name.crc}) goes with its file. Returns the deleted files and, separately, the young orphans kept.
     */
    Orphans removeOrphans(Duration minAge) {
        Set<Path> reachable = reachable();
        Instant cutoff = Instant.now().minus(minAge);
        List<Path> removed = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        for (Path file : onDisk()) {
            if (reachable.contains(file) || isChecksumOf(file, reachable)) {
                continue;
            }
            try {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
                    kept.add(file);
                } else {
                    Files.deleteIfExists(file);
                    removed.add(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Orphans(removed, kept);
    }

    record Orphans(List<Path> removed, List<Path> youngKept) {
    }

    private static boolean isChecksumOf(Path file, Set<Path> reachable) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".crc")
                && reachable.contains(file.resolveSibling(name.substring(1, name.length() - 4)));
    }

    static Path local(String location) {
        if (location.startsWith("file:")) {
            return Paths.get(URI.create(location.startsWith("file:/") && !location.startsWith("file://")
                    ? "file://" + location.substring(5) : location)).toAbsolutePath().normalize();
        }
        if (location.contains("://")) {
            throw new UnsupportedOperationException("only tables on a local or mounted file system are supported");
        }
        return Paths.get(location).toAbsolutePath().normalize();
    }
}
