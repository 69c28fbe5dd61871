package dev.rapport.k8s;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Where ingress-nginx sends a request path, given the Ingresses of one host. An Exact path is an
 * exact match and wins. Once any Ingress of the host uses regular expressions (use-regex or
 * rewrite-target), every other path is a regular expression matched case-insensitively from the
 * start of the path, the longest path tried first; otherwise a Prefix path matches whole path
 * elements, the longest first.
 */
final class IngressRouting {

    record Location(String ingress, String path, String pathType, String service, JsonNode annotations) {
    }

    record Match(Location location, String pathAtService) {
    }

    private final List<Location> locations = new ArrayList<>();
    private final boolean regexHost;

    IngressRouting(List<JsonNode> ingresses) {
        boolean regex = false;
        for (JsonNode ingress : ingresses) {
            JsonNode annotations = ingress.path("metadata").path("annotations");
            regex |= annotations.path("nginx.ingress.kubernetes.io/use-regex").asString("").equals("true")
                    || annotations.has("nginx.ingress.kubernetes.io/rewrite-target");
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    locations.add(new Location(Manifests.nameOf(ingress), path.path("path").asString(),
                            path.path("pathType").asString(), path.path("backend").path("service").path("name").asString(),
                            annotations));
                }
            }
        }
        regexHost = regex;
    }

    Optional<Match> route(String requestPath) {
        for (Location location : locations) {
            if (location.pathType().equals("Exact") && location.path().equals(requestPath)) {
                return Optional.of(new Match(location, requestPath));
            }
        }
        List<Location> longestFirst = locations.stream().filter(location -> !location.pathType().equals("Exact"))
                .sorted(Comparator.comparingInt((Location location) -> location.path().length()).reversed()).toList();
        for (Location location : longestFirst) {
            if (regexHost) {
                Matcher matcher = Pattern.compile("^" + location.path(), Pattern.CASE_INSENSITIVE).matcher(requestPath);
                if (matcher.find()) {
                    return Optional.of(new Match(location, rewrite(location, matcher, requestPath)));
                }
            } else if (requestPath.equals(location.path()) || requestPath.startsWith(
                    location.path().endsWith("/") ? location.path() : location.path() + "/")) {
                return Optional.of(new Match(location, requestPath));
            }
        }
        return Optional.empty();
    }

    private static String rewrite(Location location, Matcher matcher, String requestPath) {
        String target = location.annotations().path("nginx.ingress.kubernetes.io/rewrite-target").asString(null);
        if (target == null) {
            return requestPath;
        }
        String rewritten = target;
        for (int group = matcher.groupCount(); group >= 1; group--) {
            rewritten = rewritten.replace("$" + group, matcher.group(group) == null ? "" : matcher.group(group));
        }
        return rewritten;
    }
}
