package dev.rapport.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates custom resources against the openAPIV3Schema of their CustomResourceDefinition, copied
 * into src/test/resources/crds from the operators' releases (each file names its source). Unknown
 * fields are errors, as with kubectl's default strict field validation: every object schema that
 * lists its properties, and neither allows other ones nor keeps unknown fields
 * (x-kubernetes-preserve-unknown-fields), gets "additionalProperties: false".
 */
final class CustomResourceSchemas {

    private static final List<String> CRD_FILES = List.of(
            "strimzi-kafkatopics.yaml",
            "cnpg-clusters.yaml",
            "cnpg-databases.yaml",
            "keycloak-keycloaks.yaml",
            "keycloak-realmimports.yaml");

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = load();

    private CustomResourceSchemas() {
    }

    static boolean knows(String apiVersionAndKind) {
        return SCHEMAS.containsKey(apiVersionAndKind);
    }

    /** The problems of one custom resource, empty when it is valid. */
    static List<String> problems(JsonNode object) {
        List<String> problems = new java.util.ArrayList<>();
        SCHEMAS.get(Manifests.typeOf(object)).validate(object).forEach(error -> problems.add(error.toString()));
        if (object.path("metadata").path("name").asString("").isEmpty()) {
            problems.add("metadata.name is required");
        }
        return problems;
    }

    private static Map<String, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
        Map<String, Schema> schemas = new HashMap<>();
        for (String file : CRD_FILES) {
            for (JsonNode crd : readAll("/crds/" + file)) {
                if (!"CustomResourceDefinition".equals(crd.path("kind").asString(""))) {
                    continue;
                }
                String group = crd.path("spec").path("group").asString();
                String kind = crd.path("spec").path("names").path("kind").asString();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (!version.path("served").asBoolean(false)) {
                        continue;
                    }
                    ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
                    // The API server knows these fields of every object; some CRDs leave them out.
                    ObjectNode properties = schema.withObjectProperty("properties");
                    properties.withObjectProperty("apiVersion").put("type", "string");
                    properties.withObjectProperty("kind").put("type", "string");
                    properties.withObjectProperty("metadata").put("type", "object");
                    forbidUnknownFields(schema);
                    schemas.put(group + "/" + version.path("name").asString() + "/" + kind, registry.getSchema(schema));
                }
            }
        }
        return schemas;
    }

    private static void forbidUnknownFields(JsonNode schema) {
        if (schema instanceof ObjectNode node) {
            if (node.has("properties") && !node.has("additionalProperties")
                    && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                node.put("additionalProperties", false);
            }
        }
        if (schema.isContainer()) {
            for (JsonNode child : schema) {
                forbidUnknownFields(child);
            }
        }
    }

    private static List<JsonNode> readAll(String resource) {
        try (InputStream in = CustomResourceSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            try (var parser = YAML.createParser(in)) {
                return YAML.readValues(parser, JsonNode.class).readAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
