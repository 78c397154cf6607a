package dev.rightsdesk.connector.iceberg;

import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * Which rows are the subject's: the verified identifiers of a command matched against the configured identity
 * columns (or the HMAC column). Unverified identifiers never pull rows in (Art. 12(6)).
 */
public final class SubjectMatch {

    private final Map<String, Set<String>> valuesByColumn;

    private SubjectMatch(Map<String, Set<String>> valuesByColumn) {
        this.valuesByColumn = valuesByColumn;
    }

    /** The subject as the columns of one dataset see them. */
    public static SubjectMatch of(ConnectorCommand command, Map<String, List<String>> identity, IcebergSettings.Hmac hmac) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (SubjectIdentifier id : command.verifiedIdentifiers()) {
            for (String column : identity.getOrDefault(id.type(), List.of())) {
                values.computeIfAbsent(column, k -> new LinkedHashSet<>()).add(id.value().trim().toLowerCase(Locale.ROOT));
            }
            if (hmac != null && hmac.identifier().equals(id.type())) {
                values.computeIfAbsent(hmac.column(), k -> new LinkedHashSet<>()).add(hmac(hmac.key(), id.type(), id.value()));
            }
        }
        return new SubjectMatch(values);
    }

    /**
     * The subject hash of the training-exclusion list (docs/ai-rights.md "The hash"): lower-case hex
     * HMAC-SHA256 of {@code type + ":" + trimmed value}, the value lower-cased for e-mail, so a pipeline that
     * pseudonymises its subject column with the list's hash can be matched without clear identifiers.
     */
    public static String hmac(byte[] key, String type, String identifier) {
        String value = identifier.trim();
        if (type.equalsIgnoreCase("email")) {
            value = value.toLowerCase(Locale.ROOT);
        }
        String message = (type.equalsIgnoreCase("email") ? "email" : type) + ":" + value;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True when no verified identifier maps to a column of this dataset. */
    public boolean isEmpty() {
        return valuesByColumn.isEmpty();
    }

    /** A row is the subject's when one identity column holds one of their values (case-insensitive). */
    public boolean matches(Record row) {
        return matches(row::getField);
    }

    /** The same test on any row shape: {@code field} returns a column's value or null. */
    public boolean matches(java.util.function.Function<String, Object> field) {
        for (var e : valuesByColumn.entrySet()) {
            Object v = field.apply(e.getKey());
            if (v != null && e.getValue().contains(v.toString().trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The filter used for conflict detection: any file a concurrent writer adds that may hold one of the values.
     * With metrics mode {@code none} on these columns Iceberg cannot prune, so every added file conflicts; that is
     * the safe answer (the erasure is retried and reads the new file too).
     */
    public Expression conflictFilter() {
        Expression filter = Expressions.alwaysFalse();
        for (var e : valuesByColumn.entrySet()) {
            List<String> variants = new ArrayList<>();
            for (String v : e.getValue()) {
                variants.add(v);
                variants.add(v.toUpperCase(Locale.ROOT));
            }
            filter = Expressions.or(filter, Expressions.in(e.getKey(), variants.toArray()));
        }
        return filter;
    }

    /** Every value that identifies the subject, for the residue check. */
    public Set<String> needles() {
        Set<String> all = new LinkedHashSet<>();
        valuesByColumn.values().forEach(all::addAll);
        return all;
    }

    public Set<String> columns() {
        return valuesByColumn.keySet();
    }
}
