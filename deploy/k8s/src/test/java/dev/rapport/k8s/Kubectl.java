package dev.rapport.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Renders a kustomization with {@code kubectl kustomize}, as someone applying it would. */
final class Kubectl {

    /** Components, the patches field with targets and labels need kustomize 5 (kubectl 1.27 and later). */
    private static final int MIN_KUSTOMIZE_MAJOR = 5;
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private Kubectl() {
    }

    static List<JsonNode> kustomize(Path dir) {
        requireKustomize();
        String yaml = run("kubectl", "kustomize", dir.toString());
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.createParser(yaml)) {
            for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    objects.add(node);
                }
            }
        }
        return objects;
    }

    private static void requireKustomize() {
        String version = run("kubectl", "version", "--client");
        Matcher kustomize = Pattern.compile("Kustomize Version: v(\\d+)").matcher(version);
        if (!kustomize.find() || Integer.parseInt(kustomize.group(1)) < MIN_KUSTOMIZE_MAJOR) {
            throw new AssertionError("deploy/k8s needs kubectl with kustomize v" + MIN_KUSTOMIZE_MAJOR
                    + " or later (kubectl 1.27+); this one says:\n" + version);
        }
    }

    private static String run(String... command) {
        Path out = null;
        try {
            out = Files.createTempFile("kubectl", ".out");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            } catch (IOException notFound) {
                throw new AssertionError("kubectl is not installed, and the tests of deploy/k8s render the manifests"
                        + " with it: install kubectl 1.27 or later (deploy/local/rapport test installs the"
                        + " distribution's package when kubectl is missing).",
                        notFound);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }
}
