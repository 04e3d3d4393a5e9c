package com.claudioportal.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * k8s/ checked without a cluster: every YAML file parses, every resource file and every rendered
 * overlay validates against the Kubernetes OpenAPI schemas (kubernetes-models), the Prometheus
 * Operator's (for ServiceMonitor) and the operators' schemas in src/test/deploy/crd-schemas, and
 * every overlay rendered by kustomize 4.5.4 passes {@link ManifestPolicy} and has no field the
 * API does not know ({@link UnknownFields}, fabric8's typed model). The broken fixture
 * proves that each kind of check fails when it should.
 */
class KubernetesManifestsTest {

    @Test
    void everyYamlAndJsonFileOfTheDeploymentParses() throws IOException {
        List<Path> files = new ArrayList<>(DeployFiles.yamlFiles(DeployFiles.K8S));
        files.addAll(DeployFiles.yamlFiles(DeployFiles.DOCKER));
        files.addAll(DeployFiles.yamlFiles(DeployFiles.BROKEN));
        assertTrue(files.size() > 20, "found only " + files);
        for (Path file : files) {
            assertFalse(DeployFiles.documents(file).isEmpty(), file + " has no YAML document");
        }
        try (Stream<Path> realms = Files.list(DeployFiles.DOCKER.resolve("keycloak"))) {
            for (Path realm : realms.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertEquals("claudio-portal", DeployFiles.JSON.readTree(realm.toFile()).at("/realm").asText(), realm.toString());
            }
        }
    }

    /**
     * One node process validates everything (starting node and loading the schemas is most of
     * the cost): each resource file, each rendered overlay and the rendered broken fixture.
     */
    private static JsonNode validation;
    private static final Map<Path, Path> RENDERED_FILES = new HashMap<>();

    static synchronized JsonNode validation() {
        if (validation == null) {
            List<String> files = resourceFiles();
            files.add(DeployFiles.K8S.resolve("base/secret.example.yaml").toString());
            List<Path> rendered = new ArrayList<>(overlays());
            rendered.add(DeployFiles.BROKEN.resolve("k8s"));
            for (Path dir : rendered) {
                Path file = write(DeployFiles.kustomize(dir));
                RENDERED_FILES.put(dir, file);
                files.add(file.toString());
            }
            validation = DeployFiles.node("validate-manifests.mjs", files);
        }
        return validation;
    }

    static JsonNode resultsFor(Set<String> sources) {
        var results = DeployFiles.JSON.createArrayNode();
        validation().forEach(r -> {
            if (sources.contains(r.path("source").asText())) {
                results.add(r);
            }
        });
        return results;
    }

    static JsonNode resultsForRendered(Path directory) {
        validation();
        return resultsFor(Set.of(RENDERED_FILES.get(directory).toString()));
    }

    @Test
    void everyResourceFileMatchesItsSchema() {
        Set<String> files = new TreeSet<>(resourceFiles());
        files.add(DeployFiles.K8S.resolve("base/secret.example.yaml").toString());
        JsonNode results = resultsFor(files);
        assertTrue(results.size() >= files.size(), "every file was validated: " + files);
        assertNoSchemaErrors(results);
    }

    @Test
    void everyOverlayRendersValidatesAndFollowsTheProductionRules() {
        List<Path> overlays = overlays();
        assertTrue(overlays.size() >= 2, "overlays: " + overlays);
        for (Path overlay : overlays) {
            String rendered = DeployFiles.kustomize(overlay);
            assertNoSchemaErrors(resultsForRendered(overlay));
            List<String> problems = new ArrayList<>(ManifestPolicy.check(DeployFiles.documents(rendered)));
            problems.addAll(UnknownFields.in(DeployFiles.documents(rendered)));
            assertTrue(problems.isEmpty(), () -> DeployFiles.ROOT.relativize(overlay) + ":\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void theExampleOverlayIsTheRecommendedSetupAndTheAlternativeUsesExternalServices() {
        Set<String> example = kinds(DeployFiles.kustomize(DeployFiles.K8S.resolve("overlays/example")));
        assertTrue(example.containsAll(Set.of("Deployment", "Service", "Ingress", "ConfigMap", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "NetworkPolicy", "ServiceMonitor", "Cluster", "ScheduledBackup", "Keycloak",
                "KeycloakRealmImport", "Namespace")), example.toString());
        Set<String> external = kinds(DeployFiles.kustomize(DeployFiles.K8S.resolve("overlays/external-services")));
        assertFalse(external.contains("Cluster") || external.contains("Keycloak"), external.toString());
        assertTrue(external.contains("NetworkPolicy"), external.toString());
    }

    @Test
    void theStagedUploadsGoToS3AndNoPodSharesAVolume() {
        List<JsonNode> docs = DeployFiles.documents(DeployFiles.kustomize(DeployFiles.K8S.resolve("overlays/example")));
        JsonNode config = docs.stream().filter(d -> "ConfigMap".equals(ManifestPolicy.kind(d))).findFirst().orElseThrow();
        assertEquals("s3", config.at("/data/PORTAL_STORAGE_TYPE").asText());
        assertTrue(docs.stream().noneMatch(d -> "PersistentVolumeClaim".equals(ManifestPolicy.kind(d))));
    }

    @Test
    void theChecksFindEveryFaultPlantedInTheBrokenFixture() {
        String rendered = DeployFiles.kustomize(DeployFiles.BROKEN.resolve("k8s"));
        String schemaErrors = resultsForRendered(DeployFiles.BROKEN.resolve("k8s")).toString();
        List<String> problems = new ArrayList<>(ManifestPolicy.check(DeployFiles.documents(rendered)));
        problems.addAll(UnknownFields.in(DeployFiles.documents(rendered)));
        String all = String.join("\n", problems);
        assertAll(Stream.concat(
                DeployFiles.mentions(schemaErrors,
                        "containerPort must be integer",
                        "must NOT have additional properties (instance)",
                        "must have required property 'instances'",
                        "no schema for example.com/v1 Unheard"),
                DeployFiles.mentions(all,
                        "replicas 1 (at least 2)",
                        "no HorizontalPodAutoscaler",
                        "no PodDisruptionBudget",
                        "no NetworkPolicy",
                        "no topologySpreadConstraints",
                        "is not pinned",
                        "no startupProbe",
                        "no readinessProbe",
                        "containers[0]: unknown field(s) [readinesProbe]",
                        "livenessProbe is not on the management port",
                        "no resources.limits.memory",
                        "runAsNonRoot is not true",
                        "readOnlyRootFilesystem is not true",
                        "terminationGracePeriodSeconds 30",
                        "ReadWriteMany",
                        "volume data is not an emptyDir",
                        "not served over TLS",
                        "proxy-body-size 10m",
                        "DB_PASSWORD has a committed value",
                        "a single PostgreSQL instance")));
    }

    @Test
    void imagesArePinned() {
        assertTrue(ManifestPolicy.pinned("registry.example.com/claudio/claudio-portal:1.0.0"));
        assertTrue(ManifestPolicy.pinned("quay.io/keycloak/keycloak:26.7.3"));
        assertTrue(ManifestPolicy.pinned("ghcr.io/cloudnative-pg/postgresql:17.6"));
        assertTrue(ManifestPolicy.pinned("postgres:17.6@sha256:" + "a".repeat(64)));
        assertFalse(ManifestPolicy.pinned("postgres:17"));
        assertFalse(ManifestPolicy.pinned("postgres"));
        assertFalse(ManifestPolicy.pinned("registry.example.com:5000/portal"));
        assertFalse(ManifestPolicy.pinned("postgres:latest"));
        assertTrue(ManifestPolicy.pinned("minio/minio:RELEASE.2025-04-22T22-12-26Z"));
        assertEquals(260_000_000L, ManifestPolicy.bytes("260m"));
        assertEquals(300L, ManifestPolicy.seconds("5M"));
    }

    /** Files listed under {@code resources:} of every kustomization and component (patches are checked rendered). */
    static List<String> resourceFiles() {
        Set<String> files = new TreeSet<>();
        for (Path file : DeployFiles.yamlFiles(DeployFiles.K8S)) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (JsonNode entry : DeployFiles.documents(file).get(0).path("resources")) {
                Path resource = file.getParent().resolve(entry.asText()).normalize();
                if (Files.isRegularFile(resource)) {
                    files.add(resource.toString());
                }
            }
        }
        return new ArrayList<>(files);
    }

    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(DeployFiles.K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> kinds(String rendered) {
        Set<String> kinds = new TreeSet<>();
        DeployFiles.documents(rendered).forEach(d -> kinds.add(ManifestPolicy.kind(d)));
        return kinds;
    }

    private static void assertNoSchemaErrors(JsonNode results) {
        assertTrue(results.size() > 0, "nothing was validated");
        List<String> errors = new ArrayList<>();
        for (JsonNode result : results) {
            if (result.path("errors").size() > 0 || result.path("schema").isNull()) {
                errors.add(result.path("source").asText() + " #" + result.path("index").asInt() + " " + result.path("kind").asText()
                        + " " + result.path("name").asText() + ": " + result.path("errors"));
            }
        }
        assertTrue(errors.isEmpty(), () -> String.join("\n", errors));
    }

    private static Path write(String text) {
        try {
            Path file = Files.createTempFile("rendered", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
