package dev.rapport.systemtests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;

/**
 * One service's OpenAPI 3.1 document read as a contract for its responses: the statuses each
 * operation documents, their content types, and the JSON Schema (2020-12, with {@code $ref}s
 * into {@code #/components/schemas}) that each body must satisfy.
 */
final class ResponseContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String documentIri;
    private final JsonNode paths;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> schemaByPointer = new ConcurrentHashMap<>();

    /**
     * @param documentIri where the document came from; its {@code $ref}s resolve against it
     * @param document the document as JSON
     */
    ResponseContract(String documentIri, String document) {
        this.documentIri = documentIri;
        try {
            this.paths = JSON.readTree(document).path("paths");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the OpenAPI document at " + documentIri + " is not JSON", e);
        }
        // Formats are only annotations in 2020-12; asserting them also catches a malformed
        // date-time or uuid in a response.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(documentIri, document)).schemaRegistryConfig(config));
    }

    /**
     * What is wrong with one response, each line as {@code GET /contacts/{id} 200: $.company: null
     * found, string expected}; empty when the response keeps the contract.
     *
     * @param contentType the response's Content-Type header, or null when it had none
     * @param body the response's body, empty when it had none
     */
    List<String> violations(String method, String path, int status, String contentType, String body) {
        String operationName = method.toUpperCase(Locale.ROOT);
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            return List.of("%s %s %d: the path is not documented".formatted(operationName, path, status));
        }
        String prefix = "%s %s %d: ".formatted(operationName, template.get(), status);
        String operationKey = method.toLowerCase(Locale.ROOT);
        JsonNode operation = paths.path(template.get()).path(operationKey);
        if (operation.isMissingNode()) {
            return List.of(prefix + "the method is not documented");
        }
        Optional<String> statusKey = statusKey(operation.path("responses"), status);
        if (statusKey.isEmpty()) {
            return List.of(prefix + "the status is not documented");
        }
        JsonNode content = operation.path("responses").path(statusKey.get()).path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isEmpty()) {
            return hasBody ? List.of(prefix + "a body (" + contentType + ") where none is documented") : List.of();
        }
        List<String> documentedTypes = names(content);
        if (!hasBody) {
            return List.of(prefix + "no body, " + String.join(" or ", documentedTypes) + " expected");
        }
        String mediaType = mediaType(contentType);
        Optional<String> mediaKey = documentedTypes.stream().filter(documented -> covers(documented, mediaType)).findFirst();
        if (mediaKey.isEmpty()) {
            return List.of(prefix + "content type " + (mediaType.isEmpty() ? "missing" : mediaType) + ", "
                    + String.join(" or ", documentedTypes) + " expected");
        }
        if (!isJson(mediaType) || content.path(mediaKey.get()).path("schema").isMissingNode()) {
            return List.of();
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of(prefix + "the body is not JSON: " + e.getOriginalMessage());
        }
        String pointer = "/paths/" + escape(template.get()) + "/" + operationKey + "/responses/" + escape(statusKey.get())
                + "/content/" + escape(mediaKey.get()) + "/schema";
        Schema schema = schemaByPointer.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(documentIri + "#" + p)));
        List<String> violations = new ArrayList<>();
        schema.validate(instance).forEach(error -> violations.add(prefix + error));
        return violations;
    }

    /**
     * The documented path template that {@code path} falls under; a concrete path wins over a
     * templated one, as OpenAPI says ({@code /notifications/unread-count} over {@code /notifications/{id}}).
     */
    private Optional<String> template(String path) {
        return names(paths).stream()
                .filter(template -> matches(template, path))
                .min(Comparator.comparingLong(template -> template.chars().filter(c -> c == '{').count()));
    }

    private static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (parameter ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    /** The exact status, else its range ({@code 4XX}), else {@code default}. */
    private static Optional<String> statusKey(JsonNode responses, int status) {
        return List.of(String.valueOf(status), status / 100 + "XX", "default").stream()
                .filter(responses::has).findFirst();
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a documented media type ({@code application/json}, {@code application/*}, ...) covers an actual one. */
    private static boolean covers(String documented, String actual) {
        String range = documented.toLowerCase(Locale.ROOT);
        if (range.equals("*/*") || range.equals(actual)) {
            return true;
        }
        return range.endsWith("/*") && actual.startsWith(range.substring(0, range.length() - 1));
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A JSON Pointer token: {@code /contacts/{id}} becomes {@code ~1contacts~1{id}}. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }
}
