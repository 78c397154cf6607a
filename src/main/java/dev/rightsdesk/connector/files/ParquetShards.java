package dev.rightsdesk.connector.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Files;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.parquet.ParquetSchemaUtil;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/** Parquet shards (any writer: pyarrow, Hugging Face datasets) through Iceberg's generic Parquet reader and writer. */
final class ParquetShards implements ShardFormat<Record> {

    @Override
    public Shard<Record> read(Path file) throws IOException {
        MessageType type;
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new org.apache.hadoop.conf.Configuration()))) {
            type = reader.getFooter().getFileMetaData().getSchema();
        }
        // shards written outside Iceberg carry no field ids; give them positional ones
        Schema schema = ParquetSchemaUtil.convert(ParquetSchemaUtil.hasIds(type) ? type : ParquetSchemaUtil.addFallbackIds(type));
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = Parquet.read(Files.localInput(file.toFile())).project(schema)
                .createReaderFunc(fs -> GenericParquetReaders.buildReader(schema, fs)).build()) {
            it.forEach(r -> rows.add(r.copy()));
        }
        return new Shard<>(schema, rows);
    }

    @Override
    public void write(Path file, Shard<Record> shard) throws IOException {
        try (FileAppender<Record> out = Parquet.write(Files.localOutput(file.toFile())).schema((Schema) shard.schema())
                .createWriterFunc(GenericParquetWriter::create).overwrite().build()) {
            out.addAll(shard.rows());
        }
    }

    @Override
    public Object field(Record row, String name) {
        return row.getField(name);
    }

    @Override
    public Record withField(Record row, Object schema, String name, String value) {
        Types.NestedField field = ((Schema) schema).caseInsensitiveFindField(name);
        Record copy = row.copy();
        copy.setField(field.name(), Conversions.fromPartitionString(field.type(), value));
        return copy;
    }

    @Override
    public boolean hasField(Object schema, String name) {
        Types.NestedField f = ((Schema) schema).caseInsensitiveFindField(name);
        return f != null && f.type().isPrimitiveType();
    }
}
