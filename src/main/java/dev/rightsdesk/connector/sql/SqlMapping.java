package dev.rightsdesk.connector.sql;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset mapping (format in {@code docs/connectors.md}, "SQL mapping"): which tables hold the subject's data,
 * how the subject is found in them, and what each right does to them. Every element keeps its line in the file,
 * so a mismatch with the live schema found later still points at the line to fix.
 */
record SqlMapping(String file, List<String> recipients, List<Collection> collections, List<Suppression> suppressions) {

    SqlMapping {
        recipients = List.copyOf(recipients);
        collections = List.copyOf(collections);
        suppressions = List.copyOf(suppressions);
    }

    Optional<Collection> collection(String key) {
        return collections.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** Every purpose an objection can act on here; an objection to none of them is answered NOT_FOUND. */
    List<String> purposes() {
        java.util.Set<String> all = new java.util.TreeSet<>();
        collections.forEach(c -> all.addAll(c.objection().keySet()));
        suppressions.forEach(s -> all.addAll(s.purposes()));
        return List.copyOf(all);
    }

    /** One table. {@code primaryKey} is null until filled from the catalog when the file does not name it. */
    record Collection(String key, String table, String primaryKey, Map<String, Identity> identities,
            Map<String, Field> fields, List<Reference> references, Erasure erasure,
            Map<String, ObjectionRule> objection, int line) {

        Collection withPrimaryKey(String column) {
            return new Collection(key, table, column, identities, fields, references, erasure, objection, line);
        }
    }

    /** A column that identifies the subject directly: {@code type} is the identity type of the systems file. */
    record Identity(String type, String column, boolean ignoreCase, int line) {
    }

    /** A column holding personal data: its category (for the Art. 15 answer), mask and correction name. */
    record Field(String column, String category, Mask mask, Object maskValue, String rectifiable, int line) {
    }

    /** How a personal field is made unreadable when its row is kept. */
    enum Mask { NULL, HASH, RANDOM, FIXED }

    /**
     * A link from {@code field} of this collection to {@code toColumn} of {@code toCollection}. With
     * {@code BELONGS_TO} this collection's rows belong to the subject whose target row was found (orders of a
     * customer); with {@code POINTS_TO} the subject's rows point at a row that may be shared (a household address).
     */
    record Reference(String field, String toCollection, String toColumn, Direction direction, int line) {
    }

    enum Direction { BELONGS_TO, POINTS_TO }

    /** What an erasure does to the collection's rows; {@code ground} only for RETAIN (Art. 17(3)). */
    record Erasure(Policy policy, String ground, String period, int line) {
    }

    enum Policy { DELETE, MASK, RETAIN }

    /** What an objection to one purpose does to the subject's rows: set columns, on rows matching {@code where}. */
    record ObjectionRule(String purpose, Map<String, Object> set, Map<String, Object> where, int line) {
    }

    /**
     * A suppression table: an objection to one of {@code purposes} adds a row (identity columns filled from the
     * verified identifiers, the purpose, fixed values) so the subject stays excluded even if they come back.
     */
    record Suppression(String table, List<String> purposes, Map<String, String> identityColumns, String purposeColumn,
            Map<String, Object> values, int line) {
    }
}
