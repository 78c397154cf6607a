package dev.rightsdesk.connector.sql;

import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import dev.rightsdesk.connector.sql.SqlMapping.Collection;
import dev.rightsdesk.connector.sql.SqlMapping.Direction;
import dev.rightsdesk.connector.sql.SqlMapping.Erasure;
import dev.rightsdesk.connector.sql.SqlMapping.Field;
import dev.rightsdesk.connector.sql.SqlMapping.Identity;
import dev.rightsdesk.connector.sql.SqlMapping.Mask;
import dev.rightsdesk.connector.sql.SqlMapping.ObjectionRule;
import dev.rightsdesk.connector.sql.SqlMapping.Policy;
import dev.rightsdesk.connector.sql.SqlMapping.Reference;
import dev.rightsdesk.connector.sql.SqlMapping.Suppression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a dataset mapping file and checks everything that can be checked without the database: keys, types,
 * references to collections that exist, a legal ground for every retained collection. The live schema is checked
 * later by {@link SchemaCheck}.
 */
final class SqlMappingParser {

    /** Table and column names: plain SQL identifiers, optionally schema-qualified tables; never quoted input. */
    static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_$]{0,62}$");

    private static final Set<String> TOP = Set.of("name", "recipients", "collections", "suppressions");
    private static final Set<String> COLLECTION = Set.of("table", "primaryKey", "identities", "fields", "references",
            "erasure", "objection");
    private static final Set<String> FIELD = Set.of("category", "mask", "value", "rectifiable");
    private static final Set<String> IDENTITY = Set.of("column", "ignoreCase");
    private static final Set<String> REFERENCE = Set.of("field", "to", "direction");
    private static final Set<String> ERASURE = Set.of("policy", "ground", "period");
    private static final Set<String> OBJECTION = Set.of("set", "where");
    private static final Set<String> SUPPRESSION = Set.of("table", "purposes", "identityColumns", "purposeColumn",
            "values");

    private SqlMappingParser() {
    }

    /** Loads {@code location}: {@code classpath:<resource>}, an absolute path, or a path relative to {@code baseDir}. */
    static SqlMapping load(String location, Path baseDir) throws InvalidConnectorConfig {
        return parse(location, MappingSource.read(location, baseDir));
    }

    static SqlMapping parse(String file, String text) throws MappingException {
        YamlNode root = YamlNode.parse(file, text);
        Map<String, YamlNode> top = root.map("the file", TOP);
        List<String> recipients = new ArrayList<>();
        if (top.containsKey("recipients")) {
            for (YamlNode r : top.get("recipients").list("'recipients'")) {
                recipients.add(r.text("a recipient"));
            }
        }
        YamlNode collectionsNode = top.get("collections");
        if (collectionsNode == null) {
            throw root.error("'collections' is required: the tables that hold the subject's data");
        }
        List<Collection> collections = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : collectionsNode.map("'collections'").entrySet()) {
            collections.add(collection(e.getKey(), e.getValue()));
        }
        if (collections.isEmpty()) {
            throw collectionsNode.error("'collections' must name at least one collection");
        }
        List<Suppression> suppressions = new ArrayList<>();
        if (top.containsKey("suppressions")) {
            for (YamlNode s : top.get("suppressions").list("'suppressions'")) {
                suppressions.add(suppression(s));
            }
        }
        SqlMapping mapping = new SqlMapping(file, recipients, collections, suppressions);
        checkReferences(mapping);
        if (collections.stream().allMatch(c -> c.identities().isEmpty())) {
            throw collectionsNode.error("no collection has 'identities': the subject could never be found");
        }
        return mapping;
    }

    private static Collection collection(String key, YamlNode node) throws MappingException {
        String label = "collection '" + key + "'";
        if (!NAME.matcher(key).matches()) {
            throw node.error(label + ": a collection key must be a plain name (letters, digits, '_')");
        }
        Map<String, YamlNode> c = node.map(label, COLLECTION);
        String table = c.containsKey("table") ? name(c.get("table"), label + " 'table'") : key;
        String primaryKey = c.containsKey("primaryKey") ? name(c.get("primaryKey"), label + " 'primaryKey'") : null;
        Map<String, Field> fields = new LinkedHashMap<>();
        if (c.containsKey("fields")) {
            for (Map.Entry<String, YamlNode> f : c.get("fields").map(label + " 'fields'").entrySet()) {
                fields.put(f.getKey(), field(label, f.getKey(), f.getValue()));
            }
        }
        Map<String, Identity> identities = new LinkedHashMap<>();
        if (c.containsKey("identities")) {
            for (Map.Entry<String, YamlNode> i : c.get("identities").map(label + " 'identities'").entrySet()) {
                identities.put(i.getKey(), identity(label, i.getKey(), i.getValue()));
            }
        }
        List<Reference> references = new ArrayList<>();
        if (c.containsKey("references")) {
            for (YamlNode r : c.get("references").list(label + " 'references'")) {
                references.add(reference(label, r));
            }
        }
        YamlNode erasureNode = c.get("erasure");
        if (erasureNode == null) {
            throw node.error(label + ": 'erasure' is required (delete, mask, or retain with a legal ground)");
        }
        Erasure erasure = erasure(label, erasureNode);
        Map<String, ObjectionRule> objection = new LinkedHashMap<>();
        if (c.containsKey("objection")) {
            for (Map.Entry<String, YamlNode> o : c.get("objection").map(label + " 'objection'").entrySet()) {
                objection.put(o.getKey(), objectionRule(label, o.getKey(), o.getValue()));
            }
        }
        return new Collection(key, table, primaryKey, identities, fields, references, erasure, objection, node.line());
    }

    private static Field field(String label, String column, YamlNode node) throws MappingException {
        String where = label + " field '" + column + "'";
        if (!NAME.matcher(column).matches()) {
            throw node.error(where + ": a column name must be a plain name (letters, digits, '_')");
        }
        Map<String, YamlNode> f = node.map(where, FIELD);
        if (!f.containsKey("category")) {
            throw node.error(where + ": 'category' is required (the data category shown in the Art. 15 answer)");
        }
        String category = f.get("category").text(where + " 'category'");
        Mask mask = null;
        if (f.containsKey("mask")) {
            YamlNode m = f.get("mask");
            // 'mask: null' is read by YAML as a null value, which here means the strategy named null
            String strategy = m.isNull() ? "null" : m.text(where + " 'mask'");
            try {
                mask = Mask.valueOf(strategy.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw m.error(where + ": 'mask' must be one of null, hash, random, fixed");
            }
        }
        Object value = null;
        if (f.containsKey("value")) {
            if (mask != Mask.FIXED) {
                throw f.get("value").error(where + ": 'value' belongs to 'mask: fixed' only");
            }
            value = f.get("value").scalar(where + " 'value'");
        }
        if (mask == Mask.FIXED && value == null) {
            throw node.error(where + ": 'mask: fixed' needs a 'value'");
        }
        String rectifiable = null;
        if (f.containsKey("rectifiable")) {
            YamlNode r = f.get("rectifiable");
            if (r.scalar(where + " 'rectifiable'") instanceof Boolean b) {
                rectifiable = b ? column : null;
            } else {
                rectifiable = r.text(where + " 'rectifiable'");
            }
        }
        return new Field(column, category, mask, value, rectifiable, node.line());
    }

    private static Identity identity(String label, String type, YamlNode node) throws MappingException {
        String where = label + " identity '" + type + "'";
        if (!node.isMap()) {
            return new Identity(type, name(node, where), false, node.line());
        }
        Map<String, YamlNode> i = node.map(where, IDENTITY);
        if (!i.containsKey("column")) {
            throw node.error(where + ": 'column' is required");
        }
        boolean ignoreCase = i.containsKey("ignoreCase") && i.get("ignoreCase").bool(where + " 'ignoreCase'");
        return new Identity(type, name(i.get("column"), where + " 'column'"), ignoreCase, node.line());
    }

    private static Reference reference(String label, YamlNode node) throws MappingException {
        String where = label + " reference";
        Map<String, YamlNode> r = node.map(where, REFERENCE);
        if (!r.containsKey("field") || !r.containsKey("to")) {
            throw node.error(where + ": 'field' and 'to' (collection.column) are required");
        }
        String field = name(r.get("field"), where + " 'field'");
        String to = r.get("to").text(where + " 'to'");
        String[] parts = to.split("\\.");
        if (parts.length != 2 || !NAME.matcher(parts[0]).matches() || !NAME.matcher(parts[1]).matches()) {
            throw r.get("to").error(where + ": 'to' must be collection.column, e.g. customer.id");
        }
        Direction direction = Direction.BELONGS_TO;
        if (r.containsKey("direction")) {
            String d = r.get("direction").text(where + " 'direction'");
            direction = switch (d) {
                case "belongs-to" -> Direction.BELONGS_TO;
                case "points-to" -> Direction.POINTS_TO;
                default -> throw r.get("direction").error(where + ": 'direction' must be belongs-to or points-to");
            };
        }
        return new Reference(field, parts[0], parts[1], direction, node.line());
    }

    private static Erasure erasure(String label, YamlNode node) throws MappingException {
        String where = label + " 'erasure'";
        if (!node.isMap()) {
            Policy policy = policy(node, where);
            if (policy == Policy.RETAIN) {
                throw node.error(where + ": 'retain' needs a legal ground: erasure: {policy: retain, ground: ...}");
            }
            return new Erasure(policy, null, null, node.line());
        }
        Map<String, YamlNode> e = node.map(where, ERASURE);
        if (!e.containsKey("policy")) {
            throw node.error(where + ": 'policy' is required (delete, mask or retain)");
        }
        Policy policy = policy(e.get("policy"), where);
        String ground = e.containsKey("ground") ? e.get("ground").text(where + " 'ground'") : null;
        String period = e.containsKey("period") ? e.get("period").text(where + " 'period'") : null;
        if (policy == Policy.RETAIN && ground == null) {
            throw node.error(where + ": 'retain' needs a 'ground' (the Art. 17(3) exception, e.g. tax law)");
        }
        return new Erasure(policy, ground, period, node.line());
    }

    private static Policy policy(YamlNode node, String where) throws MappingException {
        try {
            return Policy.valueOf(node.text(where).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.error(where + " must be delete, mask or retain");
        }
    }

    private static ObjectionRule objectionRule(String label, String purpose, YamlNode node) throws MappingException {
        String where = label + " objection '" + purpose + "'";
        Map<String, YamlNode> o = node.map(where, OBJECTION);
        if (!o.containsKey("set")) {
            throw node.error(where + ": 'set' is required (the columns that record the objection)");
        }
        Map<String, Object> set = values(o.get("set"), where + " 'set'");
        if (set.isEmpty()) {
            throw o.get("set").error(where + ": 'set' must name at least one column");
        }
        Map<String, Object> filter = o.containsKey("where") ? values(o.get("where"), where + " 'where'") : Map.of();
        return new ObjectionRule(purpose, set, filter, node.line());
    }

    private static Suppression suppression(YamlNode node) throws MappingException {
        String where = "suppression";
        Map<String, YamlNode> s = node.map(where, SUPPRESSION);
        if (!s.containsKey("table") || !s.containsKey("purposes") || !s.containsKey("identityColumns")) {
            throw node.error(where + ": 'table', 'purposes' and 'identityColumns' are required");
        }
        String table = name(s.get("table"), where + " 'table'");
        List<String> purposes = new ArrayList<>();
        for (YamlNode p : s.get("purposes").list(where + " 'purposes'")) {
            purposes.add(p.text(where + " purpose"));
        }
        if (purposes.isEmpty()) {
            throw s.get("purposes").error(where + ": 'purposes' must not be empty");
        }
        Map<String, String> identityColumns = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : s.get("identityColumns").map(where + " 'identityColumns'").entrySet()) {
            checkName(e.getValue(), e.getKey(), where + " 'identityColumns'");
            identityColumns.put(e.getKey(), e.getValue().text(where + " identity type"));
        }
        if (identityColumns.isEmpty()) {
            throw s.get("identityColumns").error(where + ": 'identityColumns' must name at least one column");
        }
        String purposeColumn = s.containsKey("purposeColumn") ? name(s.get("purposeColumn"), where + " 'purposeColumn'")
                : null;
        Map<String, Object> values = s.containsKey("values") ? values(s.get("values"), where + " 'values'") : Map.of();
        return new Suppression(table, purposes, identityColumns, purposeColumn, values, node.line());
    }

    private static Map<String, Object> values(YamlNode node, String where) throws MappingException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.map(where).entrySet()) {
            checkName(e.getValue(), e.getKey(), where);
            values.put(e.getKey(), e.getValue().scalar(where + " '" + e.getKey() + "'"));
        }
        return values;
    }

    private static void checkReferences(SqlMapping mapping) throws MappingException {
        for (Collection c : mapping.collections()) {
            for (Reference r : c.references()) {
                if (mapping.collection(r.toCollection()).isEmpty()) {
                    throw new MappingException(mapping.file(), r.line(), "collection '" + c.key()
                            + "' reference: 'to' names collection '" + r.toCollection() + "', which is not mapped");
                }
            }
        }
    }

    private static String name(YamlNode node, String where) throws MappingException {
        String name = node.text(where);
        if (!NAME.matcher(name).matches()) {
            throw node.error(where + ": '" + name + "' is not a plain SQL name (letters, digits, '_')");
        }
        return name;
    }

    private static void checkName(YamlNode node, String name, String where) throws MappingException {
        if (!NAME.matcher(name).matches()) {
            throw node.error(where + ": '" + name + "' is not a plain SQL name (letters, digits, '_')");
        }
    }
}
