package dev.rightsdesk.connector.iceberg.residue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.parquet.ParquetSchemaUtil;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;

/**
 * The final check after an erasure or rectification: decodes a file (Parquet rows, Avro manifests and manifest
 * lists, JSON metadata, JSONL rows; other files as UTF-8 text) and says whether it still holds the subject.
 * Decoding matters: Parquet pages are compressed and dictionary-encoded, so a byte search misses values.
 *
 * <p>Two tests: a <em>row rule</em> on the flattened values of each data row (Parquet, JSONL), and <em>needles</em>
 * for every other decoded string: a string that contains a needle, or is a prefix of one of at least 8 characters
 * (Iceberg truncates column bounds to 16 characters, so a bound keeps the start of an e-mail address).
 */
public final class ResidueScanner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIN_PREFIX = 8;

    private final Set<String> needles;
    private final Predicate<List<String>> rowRule;

    /**
     * @param needles the subject's values, lower case
     * @param rowRule true when one row's values (lower case) are the subject's residue
     */
    public ResidueScanner(Set<String> needles, Predicate<List<String>> rowRule) {
        this.needles = needles.stream().map(n -> n.toLowerCase(Locale.ROOT)).filter(n -> !n.isBlank())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.rowRule = rowRule;
    }

    /** Row rule of an erasure: any value of the row contains one of the needles. */
    public static Predicate<List<String>> anyValueContains(Set<String> needles) {
        List<String> lower = needles.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        return values -> values.stream().anyMatch(v -> lower.stream().anyMatch(v::contains));
    }

    /** What one file held: {@code hits} rows or strings of the subject (0 = clean), and how it was decoded. */
    public record Finding(Path file, String decodedAs, long hits) {
    }

    public Finding scan(Path file) {
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".crc")) {
                // Hadoop checksum side files hold CRC32 sums of the data file's chunks, no values
                return new Finding(file, "checksum", 0);
            } else if (name.endsWith(".parquet")) {
                return new Finding(file, "parquet", parquetRows(file));
            } else if (name.endsWith(".avro")) {
                return new Finding(file, "avro", avro(file));
            } else if (name.endsWith(".json")) {
                return new Finding(file, "json", strings(JSON.readTree(file.toFile())));
            } else if (name.endsWith(".jsonl")) {
                return new Finding(file, "jsonl", jsonLines(file));
            }
            return new Finding(file, "text", text(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + name, e);
        }
    }

    private long parquetRows(Path file) throws IOException {
        MessageType type;
        var in = org.apache.iceberg.Files.localInput(file.toFile());
        try (ParquetFileReader reader = ParquetFileReader.open(org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new org.apache.hadoop.conf.Configuration()))) {
            type = reader.getFooter().getFileMetaData().getSchema();
        }
        MessageType withIds = ParquetSchemaUtil.hasIds(type) ? type : ParquetSchemaUtil.addFallbackIds(type);
        Schema schema = ParquetSchemaUtil.convert(withIds);
        long hits = 0;
        try (CloseableIterable<Record> rows = Parquet.read(in).project(schema)
                .createReaderFunc(fs -> GenericParquetReaders.buildReader(schema, fs)).build()) {
            for (Record row : rows) {
                List<String> values = new ArrayList<>();
                flatten(row, values);
                if (rowRule.test(values)) {
                    hits++;
                }
            }
        }
        return hits;
    }

    private long avro(Path file) throws IOException {
        long hits = 0;
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            for (String key : reader.getMetaKeys()) {
                hits += hit(reader.getMetaString(key)) ? 1 : 0;
            }
            for (GenericRecord r : reader) {
                List<String> values = new ArrayList<>();
                flatten(r, values);
                hits += values.stream().filter(this::hit).count();
            }
        }
        return hits;
    }

    private long jsonLines(Path file) throws IOException {
        long hits = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    List<String> values = new ArrayList<>();
                    flatten(JSON.readTree(line), values);
                    hits += rowRule.test(values) ? 1 : 0;
                }
            }
        }
        return hits;
    }

    private long strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        flatten(node, values);
        return values.stream().filter(this::hit).count();
    }

    private long text(byte[] bytes) {
        return hit(new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)) ? 1 : 0;
    }

    private boolean hit(String value) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        for (String n : needles) {
            if (v.contains(n) || (v.length() >= Math.min(MIN_PREFIX, n.length()) && n.startsWith(v))) {
                return true;
            }
        }
        return false;
    }

    /** Every value of a decoded structure as lower-case strings; byte buffers as UTF-8 when they are text. */
    static void flatten(Object value, List<String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Record r) {
            for (int i = 0; i < r.size(); i++) {
                flatten(r.get(i, Object.class), out);
            }
        } else if (value instanceof GenericRecord g) {
            g.getSchema().getFields().forEach(f -> flatten(g.get(f.pos()), out));
        } else if (value instanceof JsonNode j) {
            if (j.isContainerNode()) {
                j.fields().forEachRemaining(e -> {
                    out.add(e.getKey().toLowerCase(Locale.ROOT));
                    flatten(e.getValue(), out);
                });
                if (j.isArray()) {
                    j.forEach(e -> flatten(e, out));
                }
            } else {
                out.add(j.asText().toLowerCase(Locale.ROOT));
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                flatten(k, out);
                flatten(v, out);
            });
        } else if (value instanceof Collection<?> c) {
            c.forEach(e -> flatten(e, out));
        } else if (value instanceof ByteBuffer b) {
            utf8(b.duplicate()).ifPresent(s -> out.add(s.toLowerCase(Locale.ROOT)));
        } else if (value instanceof byte[] b) {
            utf8(ByteBuffer.wrap(b)).ifPresent(s -> out.add(s.toLowerCase(Locale.ROOT)));
        } else {
            out.add(value.toString().toLowerCase(Locale.ROOT));
        }
    }

    private static java.util.Optional<String> utf8(ByteBuffer b) {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(b).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }
}
