package com.claudioportal.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docker/Dockerfile checked without building it: dockerfile-utils' validator and hadolint's rules
 * re-implemented (src/test/deploy/lint-dockerfile.mjs), plus what the two images must contain.
 */
class DockerfileTest {

    static final Path DOCKERFILE = DeployFiles.DOCKER.resolve("Dockerfile");

    @Test
    void passesTheLinter() {
        JsonNode findings = DeployFiles.node("lint-dockerfile.mjs", List.of(DOCKERFILE.toString()));
        assertEquals("[]", findings.toString());
    }

    @Test
    void buildsThePortalAndTheSandboxImages() throws Exception {
        String text = DeployFiles.read(DOCKERFILE);
        String portal = stage(text, "portal");
        String sandbox = stage(text, "sandbox");
        assertAll(
                () -> assertTrue(stage(text, "build").contains("./mvnw -B package"), "built with the Maven wrapper"),
                () -> assertTrue(portal.contains("quarkus-run.jar") && portal.contains("EXPOSE 8080 9000")),
                () -> assertTrue(portal.contains("\"9000\", \"/q/health/ready\""), "health check on the management port"),
                () -> assertTrue(portal.contains("-XX:MaxRAMPercentage="), "heap sized from the container's limit"),
                () -> assertTrue(sandbox.contains("target/claudio-sandbox.jar") && sandbox.contains("SANDBOX_PORT=8090")),
                () -> assertTrue(sandbox.contains("\"8090\", \"/health\"")),
                () -> assertTrue(text.trim().endsWith(portal.trim()), "the portal is the default (last) target"),
                () -> assertTrue(Files.isExecutable(DeployFiles.DOCKER.resolve("healthcheck.sh"))),
                () -> assertTrue(DeployFiles.read(DeployFiles.ROOT.resolve(".dockerignore")).contains("docker/.env"),
                        "the secrets file never enters the build context"));
    }

    @Test
    void theLinterFindsTheFaultsPlantedInTheBrokenFixture() {
        JsonNode findings = DeployFiles.node("lint-dockerfile.mjs", List.of(DeployFiles.BROKEN.resolve("Dockerfile").toString()));
        Set<String> rules = new TreeSet<>();
        findings.forEach(f -> rules.add(f.path("rule").asText()));
        assertTrue(rules.containsAll(Set.of("DL3007", "PORTAL-PIN", "DL3003", "DL3020", "DL3014", "DL3015", "DL3009", "DL4006",
                "DL3025", "DL3002", "PORTAL-HEALTHCHECK", "PORTAL-CURL-SH", "PORTAL-JRE", "PORTAL-NO-BUILD-TOOLS", "PORTAL-STAGE")), rules.toString());
        assertTrue(rules.stream().anyMatch(r -> r.startsWith("dockerfile-utils/")), "the EXPOSE abc syntax error: " + rules);
    }

    /** The instructions of one named stage. */
    static String stage(String dockerfile, String name) {
        int start = dockerfile.indexOf(" AS " + name + "\n");
        assertTrue(start > 0, "no stage " + name);
        int next = dockerfile.indexOf("\nFROM ", start);
        return dockerfile.substring(dockerfile.lastIndexOf("\nFROM ", start) + 1, next < 0 ? dockerfile.length() : next);
    }
}
