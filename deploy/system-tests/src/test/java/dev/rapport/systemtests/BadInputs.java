package dev.rapport.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;

import dev.rapport.systemtests.OpenApiDocument.Body;
import dev.rapport.systemtests.OpenApiDocument.Operation;
import dev.rapport.systemtests.OpenApiDocument.Parameter;

/**
 * The bad inputs for one operation, from its schemas: for every path, query and header
 * parameter and every body member (nested ones and array items too) values of the wrong JSON
 * type, out of their enum, format, length, pattern or range, with NUL characters or lone
 * surrogates inside, malformed on the wire; unknown members; and whole bodies that are not the
 * JSON object asked for.
 *
 * <p>
 * Nearly every one is <em>forbidden</em>: the operation must refuse it, because its document
 * says so, or because the issue "Strict input and honest contracts" does where the documents
 * say nothing: NUL characters and lone surrogates (no schema can express them), unknown members
 * (the schemas do not declare {@code additionalProperties}) and date-times in year 0. Patterns
 * are read as JSON Schema reads them, unanchored. A few bad inputs are hostile without being
 * forbidden (a garbage cursor, a repeated query parameter, the valid request with an id no
 * record has): they go to reading operations only, where an answer other than a refusal changes
 * nothing, and only no-5xx and the problem format are asked of them.
 */
final class BadInputs {

    /** One bad input: where it goes, its kind (how the summary groups), how it shows, how it is applied. */
    record BadInput(String where, String kind, String shown, boolean forbidden, boolean combinable, Consumer<Draft> apply) {

        String description() {
            return where.isEmpty() ? shown : where + " = " + shown;
        }

        /** Whether the two put something at the same place, or one inside what the other replaces. */
        boolean overlaps(BadInput other) {
            return where.equals(other.where) || inside(where, other.where) || inside(other.where, where);
        }

        private static boolean inside(String inner, String outer) {
            return inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SAMPLE_UUID = "3f2a6c1e-8d4b-4f7a-9c2e-5b1d0e6a7f83";
    private static final String UNKNOWN_MEMBER = "unknownProperty";
    private static final int LONG_URL = 20 * 1024;
    private static final int LONG_HEADER = 10 * 1024;
    private static final int BODY_LIMIT = 256 * 1024;
    /** The limit of the file uploads (contacts-service's import), under the edge's 10 MiB. */
    private static final int IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

    private final Operation operation;
    private final List<BadInput> inputs = new ArrayList<>();

    private BadInputs(Operation operation) {
        this.operation = operation;
    }

    /** Every single bad input for {@code operation}; reading operations also get their valid request. */
    static List<BadInput> of(Operation operation) {
        BadInputs bad = new BadInputs(operation);
        if (operation.safe()) {
            bad.inputs.add(new BadInput("", "valid request", "valid request", false, false, draft -> {
            }));
        }
        for (Parameter parameter : operation.parameters()) {
            switch (parameter.in()) {
                case "path" -> bad.pathParameter(parameter);
                case "query" -> bad.queryParameter(parameter);
                case "header" -> bad.header(parameter);
                default -> throw new IllegalStateException(operation + ": parameters in " + parameter.in() + " are not covered");
            }
        }
        if (operation.body() != null && !operation.body().json()) {
            bad.wholeTextBody(operation.body());
        } else if (operation.body() != null) {
            bad.members(List.of(), operation.body().schema(), operation.body().mergePatch());
            bad.wholeBody(operation.body());
        }
        return bad.inputs;
    }

    // ---- parameters: values as they go on the wire

    /** A value for a path or query parameter: already percent-encoded, or deliberately malformed. */
    private record WireValue(String kind, String shown, String wire, boolean forbidden) {
    }

    private void pathParameter(Parameter parameter) {
        for (WireValue value : wireValues(parameter)) {
            if (value.wire().isEmpty()) {
                continue; // an empty segment is another path, not a bad value of this one
            }
            add("path " + parameter.name(), value.kind(), value.shown(), value.forbidden(), true,
                    draft -> draft.pathValues.put(parameter.name(), value.wire()));
        }
        for (String elsewhere : List.of("..", "%2e%2e", "%2F", "a%2Fb")) {
            add("path " + parameter.name(), "path traversal or encoded slash", elsewhere, true, true,
                    draft -> draft.pathValues.put(parameter.name(), elsewhere));
        }
    }

    private void queryParameter(Parameter parameter) {
        String name = encode(parameter.name());
        for (WireValue value : wireValues(parameter)) {
            add("query " + parameter.name(), value.kind(), value.shown(), value.forbidden(), true, draft -> {
                draft.query.removeIf(pair -> pair.startsWith(name + "="));
                draft.query.add(name + "=" + value.wire());
            });
        }
        String valid = encode(sampleText(parameter.schema()));
        add("query " + parameter.name(), "repeated parameter", valid + " twice", false, false, draft -> {
            draft.query.add(name + "=" + valid);
            draft.query.add(name + "=" + valid);
        });
    }

    private List<WireValue> wireValues(Parameter parameter) {
        JsonNode schema = parameter.schema();
        String valid = encode(sampleText(schema));
        List<WireValue> values = new ArrayList<>();
        String type = Baseline.type(schema);
        String format = schema.path("format").asText();
        boolean constrained = !type.equals("string") || schema.has("enum") || schema.has("format") || schema.has("maxLength");
        if (schema.has("enum")) {
            String first = schema.get("enum").get(0).asText();
            for (String unknown : List.of("", "bogus", first.toLowerCase(Locale.ROOT), first + " ")) {
                if (unknown.equals(first)) {
                    continue; // a value in lower case already: lowering it changes nothing
                }
                values.add(new WireValue("unknown enum value", quote(unknown), encode(unknown), true));
            }
            values.add(new WireValue("enum ordinal", "0", "0", true));
            values.add(new WireValue("enum ordinal", "1", "1", true));
        } else if (type.equals("integer") || type.equals("number")) {
            for (String notNumber : List.of("", "abc", "1.5", "1e2", "0x10", " 50", "\u0665\u0660")) {
                values.add(new WireValue("not an integer", quote(notNumber), encode(notNumber), true));
            }
            numberBounds(schema, (kind, number) -> values.add(new WireValue(kind, number, number, true)));
        } else if (type.equals("boolean")) {
            for (String notBoolean : List.of("", "yes", "1", "0", "on")) {
                values.add(new WireValue("not a boolean", quote(notBoolean), encode(notBoolean), true));
            }
        } else if (format.equals("uuid")) {
            for (String malformed : malformedUuids()) {
                values.add(new WireValue("malformed uuid", quote(malformed), encode(malformed), true));
            }
        } else if (schema.has("maxLength")) {
            int length = schema.get("maxLength").asInt() + 1;
            values.add(new WireValue("over maxLength", length + " characters", "x".repeat(length), true));
        } else {
            for (String garbage : List.of("garbage", "eyJ4IjoxfQ", "-1", "AAAA")) {
                values.add(new WireValue("garbage value", quote(garbage), garbage, false));
            }
        }
        values.add(new WireValue("NUL character", "%00", "%00", true));
        values.add(new WireValue("NUL character", valid + "%00", valid + "%00", true));
        values.add(new WireValue("lone surrogate", "%ED%A0%80 (\\ud800 as CESU-8)", "%ED%A0%80", true));
        values.add(new WireValue("lone surrogate", valid + "%ED%B0%80", valid + "%ED%B0%80", true));
        values.add(new WireValue("invalid UTF-8", "%FF", "%FF", true));
        values.add(new WireValue("invalid UTF-8", "%C0%80 (overlong NUL)", "%C0%80", true));
        for (String malformed : List.of("%zz", "%", "%4", valid + "%", "%%")) {
            values.add(new WireValue("malformed percent-encoding", malformed, malformed, true));
        }
        values.add(new WireValue("raw byte outside ASCII in the URL", "raw byte 0xFF", valid + "\u00ff", true));
        values.add(new WireValue("raw space in the URL", valid + " " + valid, valid + " " + valid, true));
        values.add(new WireValue("over-long URL", LONG_URL / 1024 + " KB", "a".repeat(LONG_URL), constrained));
        return values;
    }

    private void header(Parameter parameter) {
        String where = "header " + parameter.name();
        JsonNode schema = parameter.schema();
        String valid = parameter.name().equals("If-Match") ? "\"1\"" : "key-1";
        if (schema.path("minLength").asInt(0) > 0) {
            putHeader(where, parameter.name(), "under minLength", "empty", "");
        }
        if (schema.has("maxLength")) {
            int length = schema.get("maxLength").asInt() + 1;
            putHeader(where, parameter.name(), "over maxLength", length + " characters", "k".repeat(length));
            putHeader(where, parameter.name(), "over maxLength", LONG_HEADER / 1024 + " KB", "k".repeat(LONG_HEADER));
        }
        putHeader(where, parameter.name(), "NUL character", valid + "\\u0000x", valid + "\u0000x");
        putHeader(where, parameter.name(), "NUL character", "\\u0000", "\u0000");
    }

    private void putHeader(String where, String name, String kind, String shown, String value) {
        add(where, kind, shown, true, true, draft -> draft.headers.put(name, value));
    }

    // ---- body members

    /** The bad inputs inside an object: for each member, then unknown members beside them. */
    private void members(List<Object> location, JsonNode schema, boolean mergePatch) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
            Map.Entry<String, JsonNode> property = properties.next();
            List<Object> at = append(location, property.getKey());
            boolean isRequired = required.contains(property.getKey());
            if (isRequired && !mergePatch) {
                addToBody(at, "required member left out", "left out", null);
            }
            member(at, property.getValue(), isRequired, mergePatch);
        }
        addToBody(append(location, UNKNOWN_MEMBER), "unknown member", "\"x\"", NODES.textNode("x"));
        String first = schema.path("properties").fieldNames().hasNext() ? schema.path("properties").fieldNames().next() : null;
        if (first != null) {
            String otherCase = Character.toUpperCase(first.charAt(0)) + first.substring(1);
            addToBody(append(location, otherCase), "unknown member", "\"x\" (a member's name in another case)", NODES.textNode("x"));
        }
    }

    /**
     * The bad values of one member (or array item) at {@code at}: null when it is required (in a
     * merge patch, null clears a member: a required one must not be cleared), values of every
     * other JSON type, and what its type's constraints forbid.
     */
    private void member(List<Object> at, JsonNode schema, boolean required, boolean mergePatch) {
        String type = Baseline.type(schema);
        String expected = expected(schema);
        if (required) {
            addToBody(at, "null for a required member", "null", NODES.nullNode());
        }
        if (!type.equals("string")) {
            List<String> strings = switch (type) {
                case "integer", "number" -> List.of("2", "abc", "");
                case "boolean" -> List.of("true", "false", "yes", "");
                default -> List.of("x", "", "{}");
            };
            strings.forEach(s -> addToBody(at, "string for " + expected, quote(s), NODES.textNode(s)));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            String kind = schema.has("enum") ? "number (ordinal) for enum" : "number for " + expected;
            List<String> numbers = schema.has("enum") ? List.of("0", "1", "-1", "99")
                    : expected.equals("date-time") ? List.of("0", "1e20", "-1", "1.5", "1767225600")
                    : List.of("12", "0", "-1", "1.5", "1e20");
            numbers.forEach(n -> addToBody(at, kind, "number " + n, raw(n)));
        }
        if (!type.equals("boolean")) {
            addToBody(at, "boolean for " + expected, "true", NODES.booleanNode(true));
            addToBody(at, "boolean for " + expected, "false", NODES.booleanNode(false));
        }
        if (!type.equals("array")) {
            addToBody(at, "array for " + expected, "[]", NODES.arrayNode());
            changeInBody(at, "array for " + expected, "[valid value]", draft -> {
                JsonNode valid = draft.bodyAt(at);
                draft.putInBody(at, NODES.arrayNode().add(valid == null ? NODES.textNode("x") : valid.deepCopy()));
            });
        }
        if (!type.equals("object")) {
            addToBody(at, "object for " + expected, "{}", NODES.objectNode());
            changeInBody(at, "object for " + expected, "{\"value\": valid value}", draft -> {
                JsonNode valid = draft.bodyAt(at);
                draft.putInBody(at, NODES.objectNode().set("value", valid == null ? NODES.textNode("x") : valid.deepCopy()));
            });
        }
        switch (type) {
            case "string" -> strings(at, schema);
            case "integer", "number" -> numberBounds(schema, (kind, number) -> addToBody(at, kind, "number " + number, raw(number)));
            case "array" -> array(at, schema, mergePatch);
            case "object" -> members(at, schema, mergePatch);
            default -> {
            }
        }
        if (type.equals("integer")) {
            addToBody(at, "fraction for integer", "number 1.5", raw("1.5"));
        }
        if (type.equals("integer") || type.equals("number")) {
            for (String notJson : List.of("NaN", "Infinity", "-Infinity", "0x10", "01")) {
                addToBody(at, "number that is not JSON", notJson, raw(notJson));
            }
        }
    }

    private void strings(List<Object> at, JsonNode schema) {
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            String first = schema.get("enum").get(0).asText();
            for (String unknown : List.of("bogus", first.toLowerCase(Locale.ROOT), "", first + " ")) {
                if (unknown.equals(first)) {
                    continue; // a value in lower case already: lowering it changes nothing
                }
                addToBody(at, "unknown enum value", quote(unknown), NODES.textNode(unknown));
            }
            addToBody(at, "enum ordinal as a string", "\"0\"", NODES.textNode("0"));
            addToBody(at, "enum ordinal as a string", "\"1\"", NODES.textNode("1"));
        } else if (format.equals("uuid")) {
            malformedUuids().forEach(malformed -> addToBody(at, "malformed uuid", quote(malformed), NODES.textNode(malformed)));
        } else if (format.equals("date-time")) {
            for (String malformed : List.of("", "garbage", "2026-12-01", "2026-12-01T10:30:00", "2026-13-01T10:30:00Z",
                    "2026-02-30T10:30:00Z", "2026-12-01T24:00:00Z", "2026-12-01T10:30:00+25:00", "1767225600",
                    "2026-12-01T10:30:00Z[Europe/London]")) {
                addToBody(at, "malformed date-time", quote(malformed), NODES.textNode(malformed));
            }
            for (String outOfRange : List.of("+999999999-12-31T23:59:59Z", "999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z")) {
                addToBody(at, "date-time year out of range", quote(outOfRange), NODES.textNode(outOfRange));
            }
        }
        if (schema.has("maxLength")) {
            int length = schema.get("maxLength").asInt() + 1;
            addToBody(at, "over maxLength", "string of " + length + " characters", NODES.textNode("x".repeat(length)));
        }
        if (schema.path("minLength").asInt(0) > 0) {
            addToBody(at, "under minLength", "\"\"", NODES.textNode(""));
        }
        if (schema.has("pattern")) {
            // JSON Schema patterns are not anchored: a value is bad when no part of it matches.
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            for (String candidate : List.of("", " ", "   ", "\t\n", "ABC", "!!!", "banana", "P", "30 days")) {
                if (!pattern.matcher(candidate).find()) {
                    addToBody(at, "pattern mismatch", quote(candidate), NODES.textNode(candidate));
                }
            }
        }
        insideValid(at, "NUL character", "\\u0000 at the start", value -> "\u0000" + value);
        insideValid(at, "NUL character", "\\u0000 in the middle", value -> middle(value, "\u0000"));
        insideValid(at, "NUL character", "\\u0000 at the end", value -> value + "\u0000");
        insideValid(at, "lone surrogate", "\\ud800 in the middle", value -> middle(value, "\ud800"));
        insideValid(at, "lone surrogate", "\\udfff at the end", value -> value + "\udfff");
        insideValid(at, "lone surrogate", "\\udc00\\ud800 (a pair reversed) in the middle", value -> middle(value, "\udc00\ud800"));
    }

    /** The member's valid value with something hostile put in it. */
    private void insideValid(List<Object> at, String kind, String shown, UnaryOperator<String> spoil) {
        changeInBody(at, kind, "valid value with " + shown, draft -> {
            JsonNode valid = draft.bodyAt(at);
            draft.putInBody(at, NODES.textNode(spoil.apply(valid == null ? "x" : valid.asText())));
        });
    }

    private void array(List<Object> at, JsonNode schema, boolean mergePatch) {
        if (schema.has("maxItems")) {
            int count = schema.get("maxItems").asInt() + 1;
            changeInBody(at, "over maxItems", count + " valid items", draft -> {
                JsonNode item = draft.bodyAt(append(at, 0));
                ArrayNode items = NODES.arrayNode();
                for (int i = 0; i < count; i++) {
                    items.add(item == null ? NODES.textNode("x") : item.deepCopy());
                }
                draft.putInBody(at, items);
            });
        }
        if (schema.path("minItems").asInt(0) > 0) {
            addToBody(at, "under minItems", "[]", NODES.arrayNode());
        }
        member(append(at, 0), schema.path("items"), true, mergePatch);
    }

    /** Puts {@code value} at {@code at} in the body, or leaves the member out when it is null. */
    private void addToBody(List<Object> at, String kind, String shown, JsonNode value) {
        changeInBody(at, kind, shown, draft -> draft.putInBody(at, value == null ? null : value.deepCopy()));
    }

    private void changeInBody(List<Object> at, String kind, String shown, Consumer<Draft> change) {
        add("body" + render(at), kind, shown, true, true, change);
    }

    // ---- whole bodies

    private void wholeBody(Body body) {
        if (body.required()) {
            replaceBody("empty body", "nothing", new byte[0]);
        }
        for (String notJson : List.of("not json", "{", "{\"" + firstMember(body) + "\": ", "{'a': 1}", "{a: 1}")) {
            replaceBody("not JSON", notJson, notJson.getBytes(UTF_8));
        }
        spoilBody("not JSON", "valid body + trailing garbage", valid -> valid + " trailing");
        spoilBody("not JSON", "valid body twice", valid -> valid + valid);
        spoilBody("not JSON", "valid body after a /* comment */", valid -> "/* comment */" + valid);
        spoilBody("not JSON", "valid body with a trailing comma", valid -> valid.substring(0, valid.length() - 1) + ",}");
        spoilBody("not JSON", "valid body + a NUL byte", valid -> valid + "\u0000");
        spoilBody("JSON of the wrong shape", "[valid body]", valid -> "[" + valid + "]");
        for (String wrongShape : List.of("\"text\"", "12", "true", "null", "[]")) {
            replaceBody("JSON of the wrong shape", wrongShape, wrongShape.getBytes(UTF_8));
        }
        int depth = 50_000;
        replaceBody("deeply nested JSON", depth + " nested arrays", ("[".repeat(depth) + "]".repeat(depth)).getBytes(UTF_8));
        spoilBody("deeply nested JSON", "valid body + a member of 5000 nested objects",
                valid -> valid.substring(0, valid.length() - 1) + ", \"" + UNKNOWN_MEMBER + "\": "
                        + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}");
        spoilBody("body over 256 KiB", "valid body + 300 KiB of spaces", valid -> valid + " ".repeat(BODY_LIMIT + 44 * 1024));
        List<Object> firstString = firstStringMember(List.of(), body.schema());
        if (firstString != null) {
            invalidUtf8(firstString, "bytes FF FE", new byte[] { (byte) 0xff, (byte) 0xfe });
            invalidUtf8(firstString, "bytes C0 80 (overlong NUL)", new byte[] { (byte) 0xc0, (byte) 0x80 });
            invalidUtf8(firstString, "bytes ED A0 80 (\\ud800 as CESU-8)", new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 });
        }
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            add("Content-Type", "wrong content type", contentType + " (valid body)", true, false,
                    draft -> draft.headers.put("Content-Type", contentType));
        }
        add("Content-Type", "no content type", "left out (valid body)", true, false, draft -> draft.headers.remove("Content-Type"));
    }

    /**
     * A file upload (text/csv, text/vcard: the import of contacts-service) has no members: every
     * bad input replaces or spoils the whole file, in ways that leave no row to read (the
     * operation refuses the file whole). Bad rows inside a good file are not bad input: they are
     * reported and the other rows imported (the service's own tests cover them).
     */
    private void wholeTextBody(Body body) {
        if (body.required()) {
            replaceBody("empty body", "nothing", new byte[0]);
        }
        replaceBody("not the documented format", "JSON", "{\"name\": \"Sam Carter\"}".getBytes(UTF_8));
        replaceBody("not the documented format", "bytes FF FE (not UTF-8)", new byte[] { (byte) 0xff, (byte) 0xfe, '\n' });
        add("body", "structure broken", "valid body + a line with a quote never closed", true, false,
                draft -> draft.rawBody = (new String(draft.rawBody, UTF_8) + "\"never closed\n").getBytes(UTF_8));
        add("body", "body over its limit", "valid body + 8 MiB of spaces", true, false,
                draft -> draft.rawBody = (new String(draft.rawBody, UTF_8) + " ".repeat(IMPORT_BODY_LIMIT)).getBytes(UTF_8));
        for (String contentType : List.of("text/plain", "application/json", "application/xml")) {
            add("Content-Type", "wrong content type", contentType + " (valid body)", true, false,
                    draft -> draft.headers.put("Content-Type", contentType));
        }
        add("Content-Type", "wrong charset", body.contentType() + "; charset=ISO-8859-1 (valid body)", true, false,
                draft -> draft.headers.put("Content-Type", body.contentType() + "; charset=ISO-8859-1"));
        add("Content-Type", "no content type", "left out (valid body)", true, false, draft -> draft.headers.remove("Content-Type"));
    }

    private void replaceBody(String kind, String shown, byte[] bytes) {
        add("body", kind, shown, true, false, draft -> draft.rawBody = bytes);
    }

    private void spoilBody(String kind, String shown, UnaryOperator<String> spoil) {
        add("body", kind, shown, true, false,
                draft -> draft.rawBody = spoil.apply(new String(Draft.json(draft.body), UTF_8)).getBytes(UTF_8));
    }

    /** The valid body with raw bytes that are not UTF-8 inside its first string member. */
    private void invalidUtf8(List<Object> at, String shown, byte[] invalid) {
        String marker = "@@NOT-UTF-8@@";
        add("body" + render(at), "invalid UTF-8", "string with " + shown, true, false, draft -> {
            Draft marked = draft.copy();
            marked.putInBody(at, NODES.textNode(marker));
            String json = new String(Draft.json(marked.body), UTF_8);
            int split = json.indexOf(marker);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(json.substring(0, split).getBytes(UTF_8));
            bytes.writeBytes(invalid);
            bytes.writeBytes(json.substring(split + marker.length()).getBytes(UTF_8));
            draft.rawBody = bytes.toByteArray();
        });
    }

    private static List<Object> firstStringMember(List<Object> location, JsonNode schema) {
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
            Map.Entry<String, JsonNode> property = properties.next();
            List<Object> at = append(location, property.getKey());
            String type = Baseline.type(property.getValue());
            if (type.equals("string")) {
                return at;
            }
            if (type.equals("object")) {
                List<Object> inside = firstStringMember(at, property.getValue());
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    private static String firstMember(Body body) {
        Iterator<String> names = body.schema().path("properties").fieldNames();
        return names.hasNext() ? names.next() : "a";
    }

    // ---- helpers

    private void add(String where, String kind, String shown, boolean forbidden, boolean combinable, Consumer<Draft> apply) {
        if (!forbidden && !operation.safe()) {
            return; // only forbidden inputs go to operations that change something
        }
        inputs.add(new BadInput(where, kind, shown, forbidden, combinable, apply));
    }

    /** Numbers outside the schema's minimum and maximum and outside its format's range. */
    private static void numberBounds(JsonNode schema, BiConsumer<String, String> bad) {
        if (schema.has("minimum")) {
            long minimum = schema.get("minimum").asLong();
            bad.accept("below minimum", Long.toString(minimum - 1));
            if (minimum > 0) {
                bad.accept("below minimum", "-1");
            }
        }
        if (schema.has("maximum")) {
            bad.accept("above maximum", Long.toString(schema.get("maximum").asLong() + 1));
        }
        if (!schema.path("format").asText().equals("int64")) {
            bad.accept("beyond int32", "2147483648");
            bad.accept("beyond int32", "-2147483649");
        }
        bad.accept("beyond int64", "9223372036854775808");
        bad.accept("beyond int64", "-9223372036854775809");
        bad.accept("beyond int64", "99999999999999999999999");
        bad.accept("beyond int64", "1e400");
    }

    private static List<String> malformedUuids() {
        return List.of("", "not-a-uuid", "12", "1-1-1-1-1", SAMPLE_UUID.replace("-", ""), SAMPLE_UUID + "0",
                "{" + SAMPLE_UUID + "}", "urn:uuid:" + SAMPLE_UUID, SAMPLE_UUID.substring(0, 35) + "g");
    }

    /** A valid value of a parameter, as text. */
    private static String sampleText(JsonNode schema) {
        if (schema.has("default")) {
            return schema.get("default").asText();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        return switch (Baseline.type(schema)) {
            case "integer", "number" -> Long.toString(schema.path("minimum").asLong(1));
            case "boolean" -> "true";
            default -> schema.path("format").asText().equals("uuid") ? SAMPLE_UUID : "text";
        };
    }

    /** What the schema asks for, as the summary names it: string, date-time, uuid, enum, integer... */
    private static String expected(JsonNode schema) {
        if (schema.has("enum")) {
            return "enum";
        }
        String format = schema.path("format").asText();
        return format.equals("uuid") || format.equals("date-time") ? format : Baseline.type(schema);
    }

    private static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    private static String middle(String value, String inserted) {
        return value.substring(0, value.length() / 2) + inserted + value.substring(value.length() / 2);
    }

    private static String quote(String text) {
        return new String(Draft.json(NODES.textNode(text.length() > 60 ? text.substring(0, 60) + "…" : text)), UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, UTF_8).replace("+", "%20");
    }

    private static List<Object> append(List<Object> location, Object step) {
        List<Object> longer = new ArrayList<>(location);
        longer.add(step);
        return List.copyOf(longer);
    }

    private static String render(List<Object> location) {
        StringBuilder rendered = new StringBuilder();
        for (Object step : location) {
            rendered.append(step instanceof Integer index ? "[" + index + "]" : "." + step);
        }
        return rendered.toString();
    }
}
