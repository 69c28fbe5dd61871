package dev.rapport.systemtests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.systemtests.OpenApiDocument.Operation;
import dev.rapport.systemtests.OpenApiDocument.Parameter;

/**
 * Valid requests of one user, built from an operation's schemas (a body that is not JSON, a
 * file upload, is the example its media type documents): every body member, required or
 * not, from the document's examples, enums and formats, with the live deployment's values
 * where the documents' examples cannot work here: ids name the user's own records, times lie
 * in the past, and named members (the webhook URL) are overridden.
 */
final class Baseline {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String contactId;
    final String past;
    private final Map<String, JsonNode> overrides;

    /**
     * @param contactId the user's contact, for every id a body carries (contactId, partnerId:
     *        the only ids request bodies have)
     * @param past the time for every date-time: the documents' examples may lie in the future,
     *        which operations recording what happened refuse
     * @param overrides values by member name, where every member filled in would not make a
     *        valid whole (a provenance has either an introducer or an event, not both)
     */
    Baseline(String contactId, String past, Map<String, JsonNode> overrides) {
        this.contactId = contactId;
        this.past = past;
        this.overrides = overrides;
    }

    /** The valid request, with {@code pathIds} for the path's parameters and the required query parameters; no optional one. */
    Draft request(Operation operation, Map<String, String> pathIds) {
        Draft draft = new Draft(operation.method(), operation.path());
        for (Parameter parameter : operation.parameters("path")) {
            draft.pathValues.put(parameter.name(), pathIds.get(parameter.name()));
        }
        for (Parameter parameter : operation.parameters("query")) {
            if (parameter.required()) { // a search's q
                JsonNode value = value(parameter.schema(), parameter.name());
                draft.query.add(parameter.name() + "=" + URLEncoder.encode(value.asText(), StandardCharsets.UTF_8));
            }
        }
        if (operation.body() != null && !operation.body().json()) {
            if (operation.body().example() == null) {
                throw new IllegalStateException(operation + " documents no example of its " + operation.body().contentType() + " body");
            }
            draft.headers.put("Content-Type", operation.body().contentType());
            draft.rawBody = operation.body().example().getBytes(StandardCharsets.UTF_8);
        } else if (operation.body() != null) {
            draft.headers.put("Content-Type", operation.body().contentType());
            draft.body = value(operation.body().schema(), "");
        }
        return draft;
    }

    /** A valid value for {@code schema}, a body member called {@code name}. */
    JsonNode value(JsonNode schema, String name) {
        if (overrides.containsKey(name)) {
            return overrides.get(name).deepCopy();
        }
        String format = schema.path("format").asText();
        if (format.equals("uuid")) {
            return NODES.textNode(contactId);
        }
        if (format.equals("date-time")) {
            return NODES.textNode(past);
        }
        if (schema.path("examples").size() > 0) {
            return schema.get("examples").get(0).deepCopy();
        }
        if (schema.has("example")) {
            return schema.get("example").deepCopy();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        switch (type(schema)) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), value(p.getValue(), p.getKey())));
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < Math.max(1, schema.path("minItems").asInt(1)); i++) {
                    array.add(value(schema.path("items"), name));
                }
                return array;
            }
            case "integer":
            case "number":
                return NODES.numberNode(schema.path("minimum").asLong(1));
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return NODES.textNode("text" + "x".repeat(Math.max(0, schema.path("minLength").asInt(0) - 4)));
        }
    }

    /** The schema's JSON type: its {@code type} (the first besides null), else what its keys imply. */
    static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }
}
