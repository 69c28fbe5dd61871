package dev.rapport.systemtests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations one service's OpenAPI document declares (outside {@code /q/}), as the service
 * serves the document through the edge proxy, with every {@code $ref} to
 * {@code #/components/schemas/...} replaced by the schema it names.
 */
final class OpenApiDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parameter: where it goes ({@code path}, {@code query} or {@code header}) and its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation of one service; {@code body} is null when it takes no request body. */
    record Operation(String service, String method, String path, List<Parameter> parameters, Body body) {

        List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        boolean safe() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    /**
     * A request body: its (first) media type, its schema, whether the operation needs one, and
     * the media type's first example, for a body that is not JSON (a file upload such as
     * text/csv), where the schema says no more than "a string".
     */
    record Body(String contentType, JsonNode schema, boolean required, String example) {

        boolean mergePatch() {
            return contentType.equals("application/merge-patch+json");
        }

        boolean json() {
            return contentType.equals("application/json") || contentType.endsWith("+json");
        }
    }

    private final String service;
    private final JsonNode document;

    private OpenApiDocument(String service, JsonNode document) {
        this.service = service;
        this.document = document;
    }

    /** The document {@code service} serves now, at {@code /<service>/q/openapi} through the edge. */
    static OpenApiDocument of(String service, RawHttp http) throws IOException {
        RawHttp.Reply reply = http.send("GET", "/" + service + "/q/openapi?format=json", Map.of(), null);
        if (reply.status() != 200) {
            throw new IllegalStateException(service + "'s OpenAPI document answered " + reply.status() + ": " + reply.text());
        }
        return new OpenApiDocument(service, JSON.readTree(reply.body()));
    }

    /**
     * The operations that answer a finite document: a stream (text/event-stream) never ends its
     * answer (the notifications stream's bad input is StreamResourceTest's).
     */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null && !operation.path("responses").path("200").path("content").has("text/event-stream")) {
                    operations.add(new Operation(service, method.toUpperCase(Locale.ROOT), path.getKey(),
                            parameters(path.getValue().path("parameters"), operation.path("parameters")), body(operation)));
                }
            }
        }
        return operations;
    }

    /** The path item's parameters, overridden by the operation's own of the same name and place. */
    private List<Parameter> parameters(JsonNode ofPath, JsonNode ofOperation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (JsonNode declared : List.of(ofPath, ofOperation)) {
            for (JsonNode parameter : declared) {
                parameter = inline(parameter, 0);
                String in = parameter.path("in").asText();
                parameters.put(in + " " + parameter.path("name").asText(), new Parameter(parameter.path("name").asText(), in,
                        parameter.path("required").asBoolean(false), parameter.path("schema")));
            }
        }
        return List.copyOf(parameters.values());
    }

    private Body body(JsonNode operation) {
        JsonNode requestBody = operation.path("requestBody");
        JsonNode content = requestBody.path("content");
        if (content.isEmpty()) {
            return null;
        }
        Map.Entry<String, JsonNode> first = content.fields().next();
        Iterator<JsonNode> examples = first.getValue().path("examples").elements();
        String example = examples.hasNext() ? examples.next().path("value").asText(null) : null;
        return new Body(first.getKey(), inline(first.getValue().path("schema"), 0), requestBody.path("required").asBoolean(false),
                example);
    }

    /**
     * A copy of {@code node} without {@code $ref}s: each is replaced by the schema it names, with
     * the keys written beside it (a description, examples) winning over the named schema's.
     */
    private JsonNode inline(JsonNode node, int depth) {
        if (depth > 32) {
            throw new IllegalStateException(service + "'s document has schemas that refer to themselves");
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(inline(item, depth + 1)));
            return JSON.createArrayNode().addAll(items);
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode inlined = JSON.createObjectNode();
        JsonNode ref = node.get("$ref");
        if (ref != null) {
            String prefix = "#/components/schemas/";
            if (!ref.asText().startsWith(prefix)) {
                throw new IllegalStateException(service + ": cannot resolve " + ref.asText());
            }
            JsonNode named = document.path("components").path("schemas").path(ref.asText().substring(prefix.length()));
            if (named.isMissingNode()) {
                throw new IllegalStateException(service + ": no schema " + ref.asText());
            }
            inlined.setAll((ObjectNode) inline(named, depth + 1));
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")) {
                inlined.set(field.getKey(), inline(field.getValue(), depth + 1));
            }
        });
        return inlined;
    }
}
