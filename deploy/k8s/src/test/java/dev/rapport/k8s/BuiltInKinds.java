package dev.rapport.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates built-in Kubernetes kinds against the fabric8 model of the Kubernetes API: every field
 * must be one the API knows, with a value of its type. The model keeps unknown fields in
 * "additionalProperties" instead of failing, so those maps are walked and must be empty; scalars
 * are not coerced ("3" is no integer). What the model cannot say, the fields the API server
 * requires, is checked by hand for the kinds used here.
 */
final class BuiltInKinds {

    private static final Map<String, Class<? extends HasMetadata>> CLASSES = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final Set<String> INGRESS_PATH_TYPES = Set.of("Exact", "Prefix", "ImplementationSpecific");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private BuiltInKinds() {
    }

    static boolean knows(String apiVersionAndKind) {
        return CLASSES.containsKey(apiVersionAndKind);
    }

    /** The problems of one object, empty when it is valid. */
    static List<String> problems(JsonNode object) {
        String type = Manifests.typeOf(object);
        List<String> problems = new ArrayList<>();
        HasMetadata parsed;
        try {
            parsed = STRICT.treeToValue(object, CLASSES.get(type));
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
            return problems;
        }
        unknownFields(parsed, "", problems);
        requiredFields(parsed, problems);
        return problems;
    }

    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add("unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "." : path));
                }
            } else {
                String name = getter.getName().substring(3);
                unknownFields(field, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), problems);
            }
        }
    }

    private static void requiredFields(HasMetadata object, List<String> problems) {
        if (object.getMetadata() == null || object.getMetadata().getName() == null) {
            problems.add("metadata.name is required");
        }
        if (object instanceof Deployment deployment) {
            var spec = deployment.getSpec();
            if (spec == null || spec.getSelector() == null || spec.getTemplate() == null
                    || spec.getTemplate().getSpec() == null) {
                problems.add("a Deployment needs spec.selector and spec.template.spec");
                return;
            }
            Map<String, String> podLabels = spec.getTemplate().getMetadata() == null ? Map.of()
                    : spec.getTemplate().getMetadata().getLabels();
            if (!Manifests.selects(spec.getSelector().getMatchLabels(), podLabels)) {
                problems.add("spec.selector does not select the labels of spec.template");
            }
            if (spec.getTemplate().getSpec().getContainers().isEmpty()) {
                problems.add("a Deployment needs at least one container");
            }
            spec.getTemplate().getSpec().getContainers().forEach(container -> {
                if (container.getName() == null || container.getImage() == null) {
                    problems.add("every container needs a name and an image");
                }
            });
        } else if (object instanceof Service service) {
            if (service.getSpec() == null || service.getSpec().getPorts().isEmpty()
                    || service.getSpec().getPorts().stream().anyMatch(port -> port.getPort() == null)) {
                problems.add("a Service needs ports, each with a port number");
            }
        } else if (object instanceof HorizontalPodAutoscaler autoscaler) {
            var spec = autoscaler.getSpec();
            if (spec == null || spec.getScaleTargetRef() == null || spec.getMaxReplicas() == null) {
                problems.add("a HorizontalPodAutoscaler needs spec.scaleTargetRef and spec.maxReplicas");
            } else if (spec.getMinReplicas() != null && spec.getMinReplicas() > spec.getMaxReplicas()) {
                problems.add("minReplicas is above maxReplicas");
            }
        } else if (object instanceof PodDisruptionBudget budget) {
            var spec = budget.getSpec();
            if (spec == null || spec.getSelector() == null
                    || (spec.getMinAvailable() == null) == (spec.getMaxUnavailable() == null)) {
                problems.add("a PodDisruptionBudget needs a selector and one of minAvailable, maxUnavailable");
            }
        } else if (object instanceof Ingress ingress) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                if (path.getPath() == null || !path.getPath().startsWith("/")) {
                    problems.add("an Ingress path must start with /: " + path.getPath());
                }
                if (!INGRESS_PATH_TYPES.contains(path.getPathType())) {
                    problems.add("pathType must be one of " + INGRESS_PATH_TYPES + ": " + path.getPathType());
                }
                if (path.getBackend() == null || path.getBackend().getService() == null
                        || path.getBackend().getService().getPort() == null) {
                    problems.add("every Ingress path needs a backend service and port");
                }
            }));
        }
        // Namespace, ConfigMap, Secret: nothing required beyond the name.
    }
}
