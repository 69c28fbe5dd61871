package dev.rapport.systemtests;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One request under construction: a valid baseline, then a probe's bad inputs applied to it.
 * Path and query values are kept as they go on the wire (already percent-encoded, or
 * deliberately not); the body as JSON until a bad input replaces it by raw bytes.
 */
final class Draft {

    /**
     * Writes every character outside ASCII as a {@code \\uXXXX} escape, so that a lone
     * surrogate goes out as the JSON escape {@code \\ud800}: UTF-8 has no bytes for it.
     */
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    final String method;
    final String path;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final List<String> query = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    JsonNode body;
    byte[] rawBody;

    Draft(String method, String path) {
        this.method = method;
        this.path = path;
    }

    Draft copy() {
        Draft copy = new Draft(method, path);
        copy.pathValues.putAll(pathValues);
        copy.query.addAll(query);
        copy.headers.putAll(headers);
        copy.body = body == null ? null : body.deepCopy();
        copy.rawBody = rawBody;
        return copy;
    }

    /** The request-target: the path with its values filled in, and the query. */
    String target() {
        String target = path;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            target = target.replace("{" + value.getKey() + "}", value.getValue());
        }
        return query.isEmpty() ? target : target + "?" + String.join("&", query);
    }

    byte[] bodyBytes() {
        if (rawBody != null) {
            return rawBody;
        }
        return body == null ? null : json(body);
    }

    static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(US_ASCII);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body member at {@code location} (object keys and array indexes), or null. */
    JsonNode bodyAt(List<Object> location) {
        JsonNode node = body;
        for (Object step : location) {
            node = node == null ? null : step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    /**
     * Puts {@code value} at {@code location} in the body, or removes the member when it is
     * null; does nothing when another bad input has already replaced what contains it.
     */
    void putInBody(List<Object> location, JsonNode value) {
        JsonNode parent = bodyAt(location.subList(0, location.size() - 1));
        Object last = location.get(location.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            if (value == null) {
                object.remove(name);
            } else {
                object.set(name, value);
            }
        } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            array.set(index, value == null ? NullNode.instance : value);
        }
    }
}
