package dev.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Renders every overlay as kubectl would and holds what it renders to the API's and the project's rules. */
class ManifestsTest {

    private static final List<String> SERVICES = List.of("contacts-service", "meetings-service",
            "referrals-service", "notifications-service");
    private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|USERNAME).*");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyObjectIsValidForItsApi(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : rendered(overlay).objects()) {
            String type = Manifests.typeOf(object);
            List<String> found;
            if (BuiltInKinds.knows(type)) {
                found = BuiltInKinds.problems(object);
            } else if (CustomResourceSchemas.knows(type)) {
                found = CustomResourceSchemas.problems(object);
            } else {
                found = List.of("no schema for " + type + ": add its class to BuiltInKinds or its CRD to src/test/resources/crds");
            }
            found.forEach(problem -> problems.add(type + " " + Manifests.nameOf(object) + ": " + problem));
        }
        assertThat(problems).as("invalid objects in overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyServiceHasADeploymentServiceAutoscalerAndDisruptionBudget(String overlay) {
        Manifests manifests = rendered(overlay);
        for (String service : SERVICES) {
            JsonNode deployment = manifests.find("Deployment", service).orElseThrow(
                    () -> new AssertionError(overlay + ": no Deployment " + service));
            Map<String, String> podLabels = labels(deployment.path("spec").path("template").path("metadata").path("labels"));
            assertThat(manifests.ofKind("Service")).as("%s: a Service selecting %s", overlay, service)
                    .anyMatch(s -> Manifests.selects(labels(s.path("spec").path("selector")), podLabels));
            assertThat(manifests.ofKind("PodDisruptionBudget")).as("%s: a PodDisruptionBudget for %s", overlay, service)
                    .anyMatch(b -> Manifests.selects(labels(b.path("spec").path("selector").path("matchLabels")), podLabels));
            assertThat(manifests.ofKind("HorizontalPodAutoscaler")).as("%s: an autoscaler of %s", overlay, service)
                    .anyMatch(a -> a.path("spec").path("scaleTargetRef").path("kind").asString("").equals("Deployment")
                            && a.path("spec").path("scaleTargetRef").path("name").asString("").equals(service));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyDeploymentIsProbedBoundedAndLockedDown(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : rendered(overlay).ofKind("Deployment")) {
            String name = Manifests.nameOf(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            Set<String> emptyDirs = new TreeSet<>();
            pod.path("volumes").forEach(v -> {
                if (v.has("emptyDir")) {
                    emptyDirs.add(v.path("name").asString());
                }
            });
            for (JsonNode container : pod.path("containers")) {
                String where = name + "/" + container.path("name").asString() + ": ";
                expect(problems, where + "liveness probe on /q/health/live",
                        container.path("livenessProbe").path("httpGet").path("path").asString("").equals("/q/health/live"));
                expect(problems, where + "readiness probe on /q/health/ready",
                        container.path("readinessProbe").path("httpGet").path("path").asString("").equals("/q/health/ready"));
                expect(problems, where + "startup probe on /q/health/*",
                        container.path("startupProbe").path("httpGet").path("path").asString("").startsWith("/q/health/"));
                JsonNode resources = container.path("resources");
                expect(problems, where + "cpu and memory requests and a memory limit",
                        resources.path("requests").has("cpu") && resources.path("requests").has("memory")
                                && resources.path("limits").has("memory"));
                JsonNode security = container.path("securityContext");
                expect(problems, where + "runAsNonRoot", security.path("runAsNonRoot").asBoolean(false)
                        || pod.path("securityContext").path("runAsNonRoot").asBoolean(false));
                expect(problems, where + "readOnlyRootFilesystem", security.path("readOnlyRootFilesystem").asBoolean(false));
                expect(problems, where + "allowPrivilegeEscalation: false",
                        security.path("allowPrivilegeEscalation").isBoolean() && !security.path("allowPrivilegeEscalation").asBoolean());
                expect(problems, where + "capabilities drop ALL",
                        security.path("capabilities").path("drop").toString().contains("\"ALL\""));
                expect(problems, where + "seccomp RuntimeDefault",
                        "RuntimeDefault".equals(security.path("seccompProfile").path("type").asString(
                                pod.path("securityContext").path("seccompProfile").path("type").asString(""))));
                boolean tmpOnEmptyDir = false;
                for (JsonNode mount : container.path("volumeMounts")) {
                    tmpOnEmptyDir |= mount.path("mountPath").asString("").equals("/tmp")
                            && emptyDirs.contains(mount.path("name").asString());
                }
                expect(problems, where + "/tmp on an emptyDir", tmpOnEmptyDir);
                String javaToolOptions = env(container, "JAVA_TOOL_OPTIONS");
                expect(problems, where + "heap bounded: -XX:MaxRAMPercentage in JAVA_TOOL_OPTIONS and JAVA_MAX_MEM_RATIO"
                        + " (the image's run-java.sh)", javaToolOptions.contains("-XX:MaxRAMPercentage=")
                        && !env(container, "JAVA_MAX_MEM_RATIO").isEmpty());
            }
        }
        assertThat(problems).as("Deployments of overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void credentialsComeOnlyFromSecretsByReference(String overlay) {
        Manifests manifests = rendered(overlay);
        List<String> problems = new ArrayList<>();
        List<String[]> secretRefs = new ArrayList<>(); // {secret, key, who}
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                String where = Manifests.nameOf(deployment) + ": ";
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asString();
                    JsonNode secretKeyRef = env.path("valueFrom").path("secretKeyRef");
                    if (CREDENTIAL.matcher(name).matches() && secretKeyRef.isMissingNode()) {
                        problems.add(where + name + " is not read from a Secret (secretKeyRef)");
                    }
                    if (!secretKeyRef.isMissingNode()) {
                        secretRefs.add(new String[] {secretKeyRef.path("name").asString(), secretKeyRef.path("key").asString(), where});
                    }
                }
                for (JsonNode from : container.path("envFrom")) {
                    if (from.has("secretRef")) {
                        problems.add(where + "envFrom secretRef: read each credential by secretKeyRef instead");
                    }
                    String configMap = from.path("configMapRef").path("name").asString("");
                    if (!configMap.isEmpty() && manifests.find("ConfigMap", configMap).isEmpty()) {
                        problems.add(where + "envFrom names ConfigMap " + configMap + ", which is not rendered");
                    }
                }
            }
        }
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            configMap.path("data").propertyNames().forEach(key -> {
                if (CREDENTIAL.matcher(key.toUpperCase()).matches()) {
                    problems.add("ConfigMap " + Manifests.nameOf(configMap) + " holds " + key + ": credentials belong in a Secret");
                }
            });
        }
        for (JsonNode keycloak : manifests.ofKind("Keycloak")) {
            JsonNode db = keycloak.path("spec").path("db");
            secretRefs.add(new String[] {db.path("usernameSecret").path("name").asString(), db.path("usernameSecret").path("key").asString(), "Keycloak: "});
            secretRefs.add(new String[] {db.path("passwordSecret").path("name").asString(), db.path("passwordSecret").path("key").asString(), "Keycloak: "});
        }
        for (JsonNode cluster : manifests.ofKind("Cluster")) {
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                String secret = role.path("passwordSecret").path("name").asString();
                secretRefs.add(new String[] {secret, "username", "Cluster role " + role.path("name").asString() + ": "});
                secretRefs.add(new String[] {secret, "password", "Cluster role " + role.path("name").asString() + ": "});
            }
        }
        List<JsonNode> secrets = manifests.ofKind("Secret");
        if (overlay.equals("production")) {
            // Production credentials are created outside the repository.
            secrets.forEach(secret -> problems.add("Secret " + Manifests.nameOf(secret) + " is rendered in production"));
        } else {
            for (String[] ref : secretRefs) {
                JsonNode secret = manifests.find("Secret", ref[0]).orElse(null);
                if (secret == null || !(secret.path("data").has(ref[1]) || secret.path("stringData").has(ref[1]))) {
                    problems.add(ref[2] + "Secret " + ref[0] + " with key " + ref[1] + " is not rendered");
                }
            }
            for (JsonNode secret : secrets) {
                String password = new String(Base64.getDecoder().decode(secret.path("data").path("password").asString("")),
                        StandardCharsets.UTF_8);
                if (!password.startsWith("dev-only-")) {
                    problems.add("Secret " + Manifests.nameOf(secret) + ": a committed password must say dev-only-");
                }
            }
        }
        assertThat(secretRefs).as("%s: the credentials read from Secrets", overlay).isNotEmpty();
        assertThat(problems).as("credentials in overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyTopicTheServicesUseIsATopicWithTheLocalRetention(String overlay) throws IOException {
        Properties broker = properties(Manifests.REPOSITORY.resolve("deploy/local/kafka/server.properties.template"));
        Set<String> topics = new TreeSet<>();
        for (String service : SERVICES) {
            Properties config = properties(Manifests.REPOSITORY.resolve(service + "/src/main/resources/application.properties"));
            config.stringPropertyNames().stream().filter(key -> !key.startsWith("%") && key.endsWith(".topic"))
                    .forEach(key -> topics.add(config.getProperty(key)));
        }
        assertThat(topics).as("topics read from the services' application.properties").hasSizeGreaterThanOrEqualTo(8);
        Manifests manifests = rendered(overlay);
        for (String topic : topics) {
            JsonNode kafkaTopic = manifests.ofKind("KafkaTopic").stream()
                    .filter(t -> t.path("spec").path("topicName").asString(Manifests.nameOf(t)).equals(topic)).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no KafkaTopic for " + topic));
            JsonNode config = kafkaTopic.path("spec").path("config");
            assertThat(config.path("retention.ms").asString()).as("%s retention.ms", topic)
                    .isEqualTo(broker.getProperty("log.retention.ms"));
            assertThat(config.path("segment.ms").asString()).as("%s segment.ms (the broker's log.roll.ms)", topic)
                    .isEqualTo(broker.getProperty("log.roll.ms"));
            assertThat(kafkaTopic.path("metadata").path("labels").path("strimzi.io/cluster").asString(""))
                    .as("%s names its Kafka cluster", topic).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void theIngressRoutesEveryPathOfTheEdgeProxyToTheSameService(String overlay) {
        EdgeRoutes edge = new EdgeRoutes(Manifests.REPOSITORY.resolve("deploy/nginx/rapport.conf"));
        assertThat(edge.routes).as("routes read from deploy/nginx/rapport.conf").hasSizeGreaterThan(20);
        List<JsonNode> ingresses = rendered(overlay).ofKind("Ingress");
        IngressRouting ingress = new IngressRouting(ingresses);
        List<String> problems = new ArrayList<>();
        for (EdgeRoutes.Route route : edge.routes) {
            var match = ingress.route(route.requestPath());
            if (match.isEmpty()) {
                problems.add(route.requestPath() + " is routed nowhere (the edge sends it to " + route.service() + ")");
            } else if (!match.get().location().service().equals(route.service())
                    || !match.get().pathAtService().equals(route.pathAtService())) {
                problems.add(route.requestPath() + " goes to " + match.get().location().service() + " as "
                        + match.get().pathAtService() + "; the edge sends it to " + route.service() + " as " + route.pathAtService());
            }
        }
        for (String unrouted : List.of("/", "/contactsx", "/q/health", "/admin", "/contacts-service/openapi")) {
            ingress.route(unrouted).ifPresent(match -> problems.add(unrouted + " is routed to "
                    + match.location().service() + "; the edge answers 404"));
        }

        JsonNode stream = ingress.route("/notifications/stream").orElseThrow().location().annotations();
        assertThat(stream.path("nginx.ingress.kubernetes.io/proxy-buffering").asString(""))
                .as("the live stream is not buffered (edge: proxy_buffering %s)", edge.streamDirectives.get("proxy_buffering"))
                .isEqualTo(edge.streamDirectives.get("proxy_buffering"));
        assertThat(Integer.parseInt(stream.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asString("0")))
                .as("the live stream's read timeout in seconds (edge: %s)", edge.streamDirectives.get("proxy_read_timeout"))
                .isGreaterThanOrEqualTo(seconds(edge.streamDirectives.get("proxy_read_timeout")));

        for (JsonNode object : ingresses) {
            JsonNode annotations = object.path("metadata").path("annotations");
            String name = Manifests.nameOf(object);
            if (!annotations.path("nginx.ingress.kubernetes.io/proxy-body-size").asString("").equals(edge.maxBodySize)) {
                problems.add(name + ": proxy-body-size must be the edge's client_max_body_size " + edge.maxBodySize);
            }
            if (annotations.path("nginx.ingress.kubernetes.io/enable-cors").asString("").equals("true")) {
                problems.add(name + ": CORS is the services' (QUARKUS_HTTP_CORS_ORIGINS); headers from the ingress too would be doubled");
            }
            boolean regexPaths = object.path("spec").path("rules").toString().matches(".*\"path\":\"[^\"]*[()|$*].*");
            boolean declaresRegex = annotations.path("nginx.ingress.kubernetes.io/use-regex").asString("").equals("true")
                    || annotations.has("nginx.ingress.kubernetes.io/rewrite-target");
            if (regexPaths && !declaresRegex) {
                problems.add(name + ": regular-expression paths need nginx.ingress.kubernetes.io/use-regex: \"true\"");
            }
        }
        assertThat(problems).as("Ingress routes of overlay %s", overlay).isEmpty();
    }

    @Test
    void productionRunsMoreInstancesThanSmallAndKeepsTwoDuringDisruptions() {
        Manifests small = rendered("small");
        Manifests production = rendered("production");
        for (String service : SERVICES) {
            int smallReplicas = small.find("Deployment", service).orElseThrow().path("spec").path("replicas").asInt(1);
            int productionReplicas = production.find("Deployment", service).orElseThrow().path("spec").path("replicas").asInt(1);
            assertThat(productionReplicas).as("%s replicas in production", service).isGreaterThan(smallReplicas);
            JsonNode autoscaler = production.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(a -> a.path("spec").path("scaleTargetRef").path("name").asString("").equals(service))
                    .findFirst().orElseThrow();
            assertThat(autoscaler.path("spec").path("minReplicas").asInt(1)).as("%s autoscaler minimum", service)
                    .isGreaterThanOrEqualTo(2);
        }
        for (JsonNode topic : production.ofKind("KafkaTopic")) {
            int smallPartitions = small.find("KafkaTopic", Manifests.nameOf(topic)).orElseThrow().path("spec").path("partitions").asInt();
            assertThat(topic.path("spec").path("partitions").asInt()).as("%s partitions", Manifests.nameOf(topic))
                    .isGreaterThan(smallPartitions);
            assertThat(topic.path("spec").path("replicas").asInt()).as("%s replicas", Manifests.nameOf(topic))
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theRealmImportIsTheRealmOfTheLocalKeycloak() throws IOException {
        JsonNode realm = JSON.readTree(Files.readString(Manifests.REPOSITORY.resolve("deploy/keycloak/rapport-realm.json")));
        JsonNode imported = rendered("small").find("KeycloakRealmImport", "rapport").orElseThrow().path("spec").path("realm");
        assertThat(imported).as("the realm in base/keycloak/realm-import.json differs from"
                + " deploy/keycloak/rapport-realm.json: run deploy/k8s/sync-realm").isEqualTo(realm);
    }

    @Test
    void productionImportsNoDemoUserAndNoClientSecret() {
        Manifests production = rendered("production");
        for (JsonNode realmImport : production.ofKind("KeycloakRealmImport")) {
            JsonNode realm = realmImport.path("spec").path("realm");
            assertThat(realm.path("users").size()).as("users imported in production").isZero();
            realm.path("clients").forEach(client -> assertThat(client.has("secret"))
                    .as("client %s has a secret in the repository", client.path("clientId").asString()).isFalse());
            String keycloak = realmImport.path("spec").path("keycloakCRName").asString();
            assertThat(production.find("Keycloak", keycloak)).as("the Keycloak %s the realm is imported into", keycloak).isPresent();
        }
    }

    private static void expect(List<String> problems, String rule, boolean holds) {
        if (!holds) {
            problems.add(rule);
        }
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asString("").equals(name)) {
                return env.path("value").asString("");
            }
        }
        return "";
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new java.util.HashMap<>();
        node.properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString()));
        return labels;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));
        return properties;
    }

    /** An nginx time such as 1h, 90s or 5m, in seconds. */
    private static int seconds(String nginxTime) {
        int value = Integer.parseInt(nginxTime.replaceAll("[a-z]+$", ""));
        return switch (nginxTime.replaceAll("^[0-9]+", "")) {
            case "h" -> value * 3600;
            case "m" -> value * 60;
            default -> value;
        };
    }
}
