package dev.rapport.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** The objects one overlay renders, and small helpers to read them. */
record Manifests(String overlay, List<JsonNode> objects) {

    /** deploy/k8s, the module's folder, where Maven runs its tests. */
    static final Path K8S = Path.of("").toAbsolutePath();
    static final Path REPOSITORY = K8S.getParent().getParent();

    static Manifests render(String overlay) {
        return new Manifests(overlay, Kubectl.kustomize(K8S.resolve("overlays").resolve(overlay)));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asString(""))).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(nameOf(object))).findFirst();
    }

    static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asString("");
    }

    static String typeOf(JsonNode object) {
        return object.path("apiVersion").asString("") + "/" + object.path("kind").asString("");
    }

    /** Whether a label selector's matchLabels select a set of labels (and select something at all). */
    static boolean selects(Map<String, String> matchLabels, Map<String, String> labels) {
        return matchLabels != null && !matchLabels.isEmpty() && labels != null
                && labels.entrySet().containsAll(matchLabels.entrySet());
    }
}
