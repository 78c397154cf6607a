package dev.rightsdesk.connector.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes one shard of a file dataset, row by row, keeping its schema.
 *
 * @param <R> a decoded row
 */
interface ShardFormat<R> {

    /** The rows of a shard and what is needed to write it again (its schema). */
    record Shard<R>(Object schema, List<R> rows) {
    }

    Shard<R> read(Path file) throws IOException;

    void write(Path file, Shard<R> shard) throws IOException;

    /** A column's value, or null. */
    Object field(R row, String name);

    /** A copy of the row with the column set from the corrected text; false-free: unknown columns are refused. */
    R withField(R row, Object schema, String name, String value);

    /** Whether the shard's schema has this column. */
    boolean hasField(Object schema, String name);

    static ShardFormat<?> forFile(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".parquet")) {
            return new ParquetShards();
        }
        if (name.endsWith(".jsonl")) {
            return new JsonlShards();
        }
        return null;
    }
}
