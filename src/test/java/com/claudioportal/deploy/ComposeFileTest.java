package com.claudioportal.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docker/compose.yaml checked without a container engine: the Compose Specification's schema,
 * the services the issue asks for, every variable listed in docker/.env.example (and nothing
 * listed that compose does not read), no secret value committed, pinned images.
 */
class ComposeFileTest {

    static final ComposeFile COMPOSE = new ComposeFile(DeployFiles.read(DeployFiles.DOCKER.resolve("compose.yaml")),
            DeployFiles.read(DeployFiles.DOCKER.resolve(".env.example")));

    @Test
    void matchesTheComposeSpecification() {
        JsonNode results = DeployFiles.node("validate-compose.mjs", List.of(DeployFiles.DOCKER.resolve("compose.yaml").toString()));
        assertEquals("[]", results.get(0).path("errors").toString());
    }

    @Test
    void runsTheStackTheIssueAsksFor() {
        Map<String, JsonNode> services = COMPOSE.services();
        assertEquals(Set.of("db", "keycloak", "portal", "sandbox", "mailpit", "minio", "minio-bucket"), services.keySet());
        JsonNode portal = services.get("portal");
        assertEquals("portal", portal.at("/build/target").asText());
        assertEquals("sandbox", services.get("sandbox").at("/build/target").asText());
        assertEquals("[\"s3\"]", services.get("minio").path("profiles").toString());
        assertEquals("[\"s3\"]", services.get("minio-bucket").path("profiles").toString());
        Map<String, JsonNode> env = ComposeFile.environment(portal);
        assertAll(
                () -> assertTrue(env.keySet().stream().noneMatch(k -> k.startsWith("PORTAL_SANDBOX_")), "the portal runs no sandbox: " + env.keySet()),
                () -> assertTrue(env.get("PORTAL_DEMO_SANDBOX_URL").asText().contains("sandbox:8090")),
                () -> assertEquals(ComposeFile.environment(services.get("sandbox")).get("SANDBOX_CONTROL_TOKEN").asText(),
                        env.get("PORTAL_DEMO_SANDBOX_CONTROL_TOKEN").asText(), "the demo seed uses the sandbox's control token"),
                () -> assertTrue(env.get("PORTAL_DEMO_WEBHOOK_BASE_URL").asText().contains("http://portal:8080")),
                () -> assertTrue(env.get("PORTAL_CONNECTION_ALLOWED_PRIVATE_HOSTS").asText().contains("sandbox:8090"),
                        "the portal must be allowed to reach the sandbox's host and port"),
                () -> assertTrue(env.get("SMTP_HOST").asText().contains("mailpit")),
                () -> assertTrue(env.get("OIDC_AUTH_SERVER_URL").asText().startsWith("http://keycloak:")),
                () -> assertTrue(env.get("PORTAL_STORAGE_TYPE").asText().contains("local")),
                () -> assertEquals("service_healthy", portal.at("/depends_on/db/condition").asText()),
                () -> assertEquals("service_healthy", portal.at("/depends_on/keycloak/condition").asText()),
                () -> assertTrue(services.get("db").has("healthcheck")),
                () -> assertTrue(services.get("keycloak").has("healthcheck")));
        JsonNode realmMount = services.get("keycloak").path("volumes").get(0);
        String realmFile = realmMount.asText().replaceAll(".*:-([^}]+)}.*", "$1");
        assertTrue(Files.isRegularFile(DeployFiles.DOCKER.resolve(realmFile)), "the realm compose imports: " + realmFile);
        assertTrue(realmFile.endsWith("claudio-portal-realm.json"), "compose imports the demo's realm by default");
    }

    @Test
    void everyVariableIsInTheExampleAndTheExampleHasNoDeadEntries() {
        Set<String> used = COMPOSE.variables();
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(COMPOSE.examples.keySet());
        assertTrue(missing.isEmpty(), "read by compose.yaml but not in docker/.env.example: " + missing);
        Set<String> unused = new TreeSet<>(COMPOSE.examples.keySet());
        unused.removeAll(used);
        assertTrue(unused.isEmpty(), "in docker/.env.example but never read by compose.yaml: " + unused);
    }

    @Test
    void noSecretValueIsCommitted() {
        assertEquals(List.of(), COMPOSE.committedSecrets());
        assertEquals(List.of(), COMPOSE.secretsWithoutInstructions());
    }

    @Test
    void imagesArePinned() {
        for (Map.Entry<String, JsonNode> service : COMPOSE.services().entrySet()) {
            String image = service.getValue().path("image").asText("");
            if (service.getValue().has("build")) {
                assertTrue(image.matches("[a-z-]+:\\$\\{[A-Z_]+:-\\d+\\.\\d+\\.\\d+}"), service.getKey() + " builds a versioned image: " + image);
            } else {
                assertTrue(ManifestPolicy.pinned(image), service.getKey() + ": " + image + " is not pinned");
            }
        }
    }

    @Test
    void theChecksFindTheFaultsPlantedInTheBrokenFixture() {
        ComposeFile broken = new ComposeFile(DeployFiles.read(DeployFiles.BROKEN.resolve("compose.yaml")),
                DeployFiles.read(DeployFiles.DOCKER.resolve(".env.example")));
        String schema = DeployFiles.node("validate-compose.mjs", List.of(DeployFiles.BROKEN.resolve("compose.yaml").toString())).toString();
        String secrets = String.join("\n", broken.committedSecrets());
        Set<String> undocumented = new TreeSet<>(broken.variables());
        undocumented.removeAll(broken.examples.keySet());
        Stream<Executable> mentioned = Stream.concat(DeployFiles.mentions(schema, "(environmnet)"), DeployFiles.mentions(secrets,
                "db.POSTGRES_PASSWORD: a literal value", "portal.OIDC_CLIENT_SECRET: a literal value", "${DB_PASSWORD} has a default value"));
        assertAll(Stream.concat(mentioned, Stream.<Executable> of(
                () -> assertEquals(Set.of("PORTAL_UNDOCUMENTED"), undocumented),
                () -> assertFalse(ManifestPolicy.pinned(broken.services().get("db").path("image").asText())),
                () -> assertFalse(ManifestPolicy.pinned(broken.services().get("portal").path("image").asText())))));
    }
}
