package dev.rightsdesk.connector.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;

/** Reads and writes one Parquet data file of a table with Iceberg's generic records (no engine needed). */
public final class DataFiles {

    private DataFiles() {
    }

    /** Appends rows as one new snapshot, one data file per partition; returns the new snapshot id. */
    public static long append(Table table, List<Record> rows) {
        PartitionSpec spec = table.spec();
        java.util.Map<org.apache.iceberg.PartitionKey, List<Record>> byPartition = new java.util.LinkedHashMap<>();
        for (Record row : rows) {
            org.apache.iceberg.PartitionKey key = new org.apache.iceberg.PartitionKey(spec, table.schema());
            key.partition(new org.apache.iceberg.data.InternalRecordWrapper(table.schema().asStruct()).wrap(row));
            byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        org.apache.iceberg.AppendFiles append = table.newAppend();
        byPartition.forEach((key, part) -> append.appendFile(write(table, spec, key, part)));
        append.commit();
        table.refresh();
        return table.currentSnapshot().snapshotId();
    }

    /** All rows of one data file, projected on the table's current schema. */
    public static List<Record> read(Table table, DataFile file) {
        if (file.format() != FileFormat.PARQUET) {
            throw new UnsupportedOperationException("only Parquet data files can be rewritten, found " + file.format());
        }
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = Parquet.read(table.io().newInputFile(file.location()))
                .project(table.schema())
                .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(table.schema(), fileSchema))
                .build()) {
            for (Record r : it) {
                rows.add(r.copy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Writes rows as a new data file of the given partition, under the table's data location, with the table's
     * metrics configuration (so personal columns set to {@code none} get no statistics).
     */
    public static DataFile write(Table table, PartitionSpec spec, StructLike partition, List<Record> rows) {
        String name = "rd-" + UUID.randomUUID() + ".parquet";
        String location = spec.isUnpartitioned()
                ? table.locationProvider().newDataLocation(name)
                : table.locationProvider().newDataLocation(spec, partition, name);
        OutputFile out = table.io().newOutputFile(location);
        DataWriter<Record> writer;
        try {
            writer = Parquet.writeData(out)
                    .forTable(table)
                    .withSpec(spec)
                    .withPartition(spec.isUnpartitioned() ? null : partition)
                    .createWriterFunc(GenericParquetWriter::create)
                    .overwrite()
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (writer) {
            rows.forEach(writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toDataFile();
    }
}
