package dev.rightsdesk.platform.abuse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile request bodies: random bytes, truncated and mutated JSON, wrong types, nulls, unknown fields,
 * deep nesting, huge documents, odd encodings. Seeded, so a failure can be replayed with the same seed.
 */
final class Garbage {

    /** Whether a body is a request the API must accept, must refuse, or may do either with (a harmless mutation). */
    enum Expect { VALID, INVALID, EITHER }

    /** One generated body: what it is, the bytes, the content type to send, and what the API must do with it. */
    record Body(String kind, byte[] bytes, String contentType, Expect expect) {
        boolean valid() {
            return expect == Expect.VALID;
        }
    }

    static final String VALID_INTAKE = "{\"type\": \"ACCESS\", \"subject\": {\"email\": \"abuse@example.org\", \"name\": \"A\","
            + " \"identifiers\": {\"customerId\": \"C-1\"}}, \"details\": {}, \"locale\": \"en\"}";
    static final String[] VALID_VARIANTS = {
        VALID_INTAKE,
        "{\"type\": \"ERASURE\", \"subject\": {\"email\": \"abuse@example.org\"}, \"details\": {\"ground\": \"17(1)(a)\"}}",
        "{\"type\": \"OBJECTION\", \"subject\": {\"email\": \"abuse@example.org\"}, \"details\": {\"basis\": \"DIRECT_MARKETING\","
                + " \"purposes\": [\"newsletter\"]}}",
        "{\"type\": \"RECTIFICATION\", \"subject\": {\"email\": \"abuse@example.org\"}, \"details\": {\"corrections\":"
                + " [{\"field\": \"address\", \"currentValue\": \"a\", \"correctedValue\": \"b\"}]}}",
    };
    private static final String[] WRONG_VALUES = {"null", "0", "-1", "1e309", "true", "[]", "{}", "\"\"", "\" \"",
        "\"\\u0000\"", "[null]", "{\"$ne\": null}", "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://x}\"",
        "123456789012345678901234567890", "\"" + "x".repeat(5000) + "\"", "\"\\ud800\"", "NaN", "\"é\\u202e\""};
    private static final String MUTATIONS = "{}[]\",:\\0\u00ff";
    private static final String[] FIELDS_TO_BREAK = {"type", "subject", "details", "locale"};
    private static final String[] SUBJECT_FIELDS = {"email", "name", "identifiers"};

    private final Random random;

    Garbage(long seed) {
        this.random = new Random(seed);
    }

    /** {@code n} bodies for the intake API; about one in forty is valid. */
    List<Body> intake(int n) {
        List<Body> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bodies.add(switch (i % 40) {
                case 0 -> json("valid", VALID_VARIANTS[random.nextInt(VALID_VARIANTS.length)], Expect.VALID);
                case 1, 2, 3 -> new Body("random-bytes", randomBytes(1 + random.nextInt(2000)), "application/json", Expect.INVALID);
                case 4, 5, 6, 7 -> json("truncated", VALID_INTAKE.substring(0, random.nextInt(VALID_INTAKE.length() - 1)), Expect.INVALID);
                case 8, 9, 10, 11, 12 -> json("wrong-type", replaceTopLevel(), Expect.INVALID);
                case 13, 14, 15 -> json("wrong-subject", replaceSubjectField(), Expect.INVALID);
                case 16, 17 -> json("unknown-field", VALID_INTAKE.replaceFirst("\\{", "{\"" + word() + "\": 1, "), Expect.INVALID);
                case 18 -> json("unknown-subject-field", VALID_INTAKE.replace("\"name\"", "\"" + word() + "\": 1, \"name\""), Expect.INVALID);
                case 19, 20 -> json("deep-nesting", nested(random.nextInt(3) == 0 ? 50_000 : 2_000), Expect.INVALID);
                case 21 -> new Body("huge", huge(70_000 + random.nextInt(50_000)), "application/json", Expect.INVALID);
                case 22 -> new Body("utf16", VALID_INTAKE.replace("abuse@", "ab\u00fcse@").getBytes(StandardCharsets.UTF_16),
                        "application/json", Expect.EITHER);
                case 23 -> new Body("invalid-utf8", invalidUtf8(), "application/json", Expect.INVALID);
                case 24 -> new Body("bom-latin1", ("\u00ef\u00bb\u00bf" + VALID_INTAKE.replace("abuse@", "\u00e9@"))
                        .getBytes(StandardCharsets.ISO_8859_1), "application/json; charset=ISO-8859-1", Expect.INVALID);
                case 25 -> new Body("wrong-content-type", VALID_INTAKE.getBytes(StandardCharsets.UTF_8),
                        random.nextBoolean() ? "text/plain" : "application/x-www-form-urlencoded", Expect.INVALID);
                case 26 -> json("null-body", "null", Expect.INVALID);
                case 27 -> json("array-body", "[" + VALID_INTAKE + "]", Expect.INVALID);
                case 28 -> json("empty", "", Expect.INVALID);
                case 29 -> json("duplicate-keys", VALID_INTAKE.replaceFirst("\\{", "{\"type\": \"ERASURE\", "), Expect.INVALID);
                case 30 -> json("bad-email", VALID_INTAKE.replace("abuse@example.org", badEmail()), Expect.INVALID);
                case 31 -> json("huge-number", VALID_INTAKE.replace("\"details\": {}", "\"details\": {\"ground\": 1" + "0".repeat(5000) + "}"), Expect.INVALID);
                case 32 -> json("bad-details", badDetails(), Expect.INVALID);
                case 33 -> json("control-chars", VALID_INTAKE.replace("\"A\"", "\"A\u0000\u0007\u001b\"").replace("abuse@", "a\u0000b@"), Expect.INVALID);
                case 34 -> json("comments", "/* x */" + VALID_INTAKE, Expect.INVALID);
                default -> json("mutated", mutate(VALID_INTAKE), Expect.EITHER);
            });
        }
        return bodies;
    }

    /** Bodies for the training-exclusion check: a batch of hashes, and garbage around it. */
    List<Body> exclusionCheck(int n) {
        List<Body> bodies = new ArrayList<>(n);
        String hash = "a".repeat(64);
        for (int i = 0; i < n; i++) {
            bodies.add(switch (i % 12) {
                case 0 -> json("valid", "{\"hashes\": [\"" + hash + "\"]}", Expect.VALID);
                case 1 -> json("not-hex", "{\"hashes\": [\"" + "z".repeat(64) + "\"]}", Expect.INVALID);
                case 2 -> json("wrong-type", "{\"hashes\": " + WRONG_VALUES[random.nextInt(WRONG_VALUES.length)] + "}", Expect.INVALID);
                case 3 -> json("bad-version", "{\"hashes\": [\"" + hash + "\"], \"snapshotVersion\": "
                        + WRONG_VALUES[random.nextInt(WRONG_VALUES.length)] + "}", Expect.EITHER);
                case 4 -> new Body("random-bytes", randomBytes(1 + random.nextInt(500)), "application/json", Expect.INVALID);
                case 5 -> json("deep-nesting", "{\"hashes\": " + nested(3_000) + "}", Expect.INVALID);
                case 6 -> json("unknown-field", "{\"hashes\": [\"" + hash + "\"], \"" + word() + "\": 1}", Expect.INVALID);
                case 7 -> new Body("huge", huge(3_000_000), "application/json", Expect.INVALID);
                default -> json("mutated", mutate("{\"hashes\": [\"" + hash + "\"], \"snapshotVersion\": 1}"), Expect.EITHER);
            });
        }
        return bodies;
    }

    /** Query strings for the statutory deadline. */
    List<String> deadlineQueries(int n) {
        String[] instants = {"2026-01-31T23:30:00Z", "2026-02-29T10:00:00Z", "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "now", "", "%00", "2026-13-01T00:00:00Z", "2026-01-01", "1" + "0".repeat(400),
            "%F0%9F%92%A9", "2026-01-01T00:00:00+25:00", "%E2%80%AE", "'; DROP TABLE ticket; --"};
        String[] states = {"NL", "DE", "XX", "nl", "", "%00", "N%C3%A9", "NLNLNLNL", "<b>"};
        List<String> queries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder q = new StringBuilder("?");
            if (random.nextInt(5) > 0) {
                q.append("receivedAt=").append(encode(instants[random.nextInt(instants.length)]));
            }
            if (random.nextBoolean()) {
                q.append("&memberState=").append(encode(states[random.nextInt(states.length)]));
            }
            if (random.nextInt(10) == 0) {
                q.append("&").append(word()).append("=").append(word());
            }
            queries.add(q.toString());
        }
        return queries;
    }

    /** Query values are sent as a browser would: percent-encoded (already encoded ones stay as they are). */
    private static String encode(String value) {
        return value.contains("%") ? value : java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Body json(String kind, String text, Expect expect) {
        return new Body(kind, text.getBytes(StandardCharsets.UTF_8), "application/json", expect);
    }

    private String replaceTopLevel() {
        String field = FIELDS_TO_BREAK[random.nextInt(FIELDS_TO_BREAK.length)];
        String value = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
        return switch (field) {
            case "type" -> VALID_INTAKE.replace("\"ACCESS\"", value.equals("\"\"") ? "\"access\"" : value);
            case "subject" -> "{\"type\": \"ACCESS\", \"subject\": " + value + ", \"details\": {}}";
            case "details" -> VALID_INTAKE.replace("\"details\": {}", "\"details\": " + (value.equals("{}") ? "[]" : value))
                    .replace("\"ACCESS\"", "\"RECTIFICATION\"");
            default -> VALID_INTAKE.replace("\"en\"", value.equals("\"\"") ? "\"xx-invalid\"" : value.equals("null") ? "7" : value);
        };
    }

    private String replaceSubjectField() {
        String field = SUBJECT_FIELDS[random.nextInt(SUBJECT_FIELDS.length)];
        String value = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
        return switch (field) {
            case "email" -> VALID_INTAKE.replace("\"abuse@example.org\"", value);
            case "name" -> VALID_INTAKE.replace("\"A\"", value.equals("null") || value.startsWith("\"") ? "[1]" : value);
            default -> VALID_INTAKE.replace("{\"customerId\": \"C-1\"}", value.equals("{}") || value.equals("null") ? "[1]" : value);
        };
    }

    private String badEmail() {
        String[] bad = {"", "a", "@", "a@", "@b", "a@@b", "a b@c.d", "a@b..c", "x".repeat(400) + "@example.org",
            "a@" + "b".repeat(300) + ".org", "\"a\"@b", "a@b.c\n", "a@[127.0.0.1]x", "<a@b.c>", "a,b@c.d"};
        return bad[random.nextInt(bad.length)].replace("\n", "\\n");
    }

    private String badDetails() {
        String[] bad = {
            "{\"type\": \"RECTIFICATION\", \"subject\": {\"email\": \"a@b.org\"}, \"details\": {\"corrections\": []}}",
            "{\"type\": \"RECTIFICATION\", \"subject\": {\"email\": \"a@b.org\"}, \"details\": {}}",
            "{\"type\": \"ERASURE\", \"subject\": {\"email\": \"a@b.org\"}, \"details\": {\"ground\": \"17(9)\"}}",
            "{\"type\": \"OBJECTION\", \"subject\": {\"email\": \"a@b.org\"}, \"details\": {\"basis\": \"BECAUSE\"}}",
            "{\"type\": \"OBJECTION\", \"subject\": {\"email\": \"a@b.org\"}, \"details\": {\"basis\": \"DIRECT_MARKETING\", \"purposes\": [1]}}",
            "{\"type\": \"ACCESS\", \"subject\": {\"email\": \"a@b.org\"}, \"details\": {\"ground\": \"17(1)(a)\"}}",
        };
        return bad[random.nextInt(bad.length)];
    }

    private String mutate(String text) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 1; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, MUTATIONS.charAt(random.nextInt(MUTATIONS.length())));
                default -> sb.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return sb.toString();
    }

    private String word() {
        return "f" + Integer.toString(random.nextInt(1 << 20), 36);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static byte[] huge(int size) {
        StringBuilder sb = new StringBuilder(size + 100);
        sb.append("{\"type\": \"ACCESS\", \"subject\": {\"email\": \"abuse@example.org\", \"name\": \"");
        while (sb.length() < size) {
            sb.append("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        }
        return sb.append("\"}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8() {
        byte[] prefix = "{\"type\": \"ACCESS\", \"subject\": {\"email\": \"a".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF};
        byte[] suffix = "@example.org\"}, \"details\": {}}".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(bad, 0, out, prefix.length, bad.length);
        System.arraycopy(suffix, 0, out, prefix.length + bad.length, suffix.length);
        return out;
    }
}
