package com.claudioportal.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.claudioportal.tenant.SecondFactorConfig;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.config.WithDefault;

/**
 * The two realm files: the demo's (passwords only, demo users) and the production one, which asks
 * platform admins always, and anyone the portal sends with {@code acr_values=otp}, for a one-time
 * code. The Kubernetes realm import is generated from the production file and must not drift.
 * (The flows were also signed through on a real Keycloak 26.7.3: docs/operations.md.)
 */
class RealmFilesTest {

    static JsonNode realm(String file) throws IOException {
        return DeployFiles.JSON.readTree(DeployFiles.DOCKER.resolve("keycloak").resolve(file).toFile());
    }

    @Test
    void theProductionRealmAsksAdministratorsForASecondFactor() throws Exception {
        JsonNode prod = realm("claudio-portal-realm.prod.json");
        Map<String, JsonNode> flows = new HashMap<>();
        prod.path("authenticationFlows").forEach(f -> flows.put(f.path("alias").asText(), f));
        Map<String, JsonNode> configs = new HashMap<>();
        prod.path("authenticatorConfig").forEach(c -> configs.put(c.path("alias").asText(), c.path("config")));

        JsonNode browser = flows.get(prod.path("browserFlow").asText());
        assertNotNull(browser, "browserFlow names a flow of the realm");
        for (JsonNode flow : flows.values()) {
            for (JsonNode execution : flow.path("authenticationExecutions")) {
                if (execution.has("flowAlias")) {
                    assertTrue(flows.containsKey(execution.path("flowAlias").asText()), "missing sub-flow " + execution);
                }
                if (execution.has("authenticatorConfig")) {
                    assertTrue(configs.containsKey(execution.path("authenticatorConfig").asText()), "missing config " + execution);
                }
            }
        }
        // the portal's acr value maps to a level whose conditional sub-flow requires the OTP form
        String acr = SecondFactorConfig.class.getMethod("acrValues").getAnnotation(WithDefault.class).value().split(",")[0];
        JsonNode loaMap = DeployFiles.JSON.readTree(prod.at("/attributes/acr.loa.map").asText());
        assertTrue(loaMap.has(acr), "acr.loa.map maps the portal's " + acr + ": " + loaMap);
        int level = loaMap.path(acr).asInt();
        JsonNode stepUp = conditionalFlowWith(flows, configs, "conditional-level-of-authentication", "loa-condition-level", String.valueOf(level));
        assertNotNull(stepUp, "a conditional sub-flow for level " + level);
        assertTrue(requires(stepUp, "auth-otp-form"), "level " + level + " asks for a one-time code");
        JsonNode platform = conditionalFlowWith(flows, configs, "conditional-user-role", "condUserRole", "platform-admin");
        assertNotNull(platform, "a conditional sub-flow for the platform-admin role");
        assertTrue(requires(platform, "auth-otp-form"), "platform admins give a one-time code");
        assertTrue(loaMap.path("password").asInt() < level, "level 1 stays password-only for staff");
        assertTrue(prod.at("/clients/0/protocolMappers").toString().contains("oidc-amr-mapper"), "the amr claim reaches the portal");

        assertAll(
                () -> assertEquals(0, prod.path("users").size(), "the production realm ships no users"),
                () -> assertEquals("${OIDC_CLIENT_SECRET}", prod.at("/clients/0/secret").asText(), "the client secret is a placeholder"),
                () -> assertTrue(prod.at("/clients/0/redirectUris").toString().contains("${PORTAL_PUBLIC_URL}")),
                () -> assertFalse(prod.at("/clients/0/redirectUris").toString().contains("localhost")),
                () -> assertTrue(prod.path("bruteForceProtected").asBoolean()),
                () -> assertFalse(prod.path("registrationAllowed").asBoolean()));
    }

    @Test
    void theDemoRealmKeepsPasswordsOnlyAndMatchesTheProductionClient() throws Exception {
        JsonNode demo = realm("claudio-portal-realm.json");
        JsonNode prod = realm("claudio-portal-realm.prod.json");
        assertFalse(demo.has("authenticationFlows"), "the demo realm exempts its demo users from one-time codes (README)");
        assertTrue(demo.path("users").size() > 0);
        assertEquals(demo.path("realm"), prod.path("realm"));
        assertEquals(demo.path("roles"), prod.path("roles"));
        assertEquals(demo.path("organizationsEnabled"), prod.path("organizationsEnabled"));
        for (String field : List.of("clientId", "publicClient", "standardFlowEnabled", "directAccessGrantsEnabled",
                "defaultClientScopes", "optionalClientScopes")) {
            assertEquals(demo.at("/clients/0/" + field), prod.at("/clients/0/" + field), field);
        }
        assertEquals(demo.at("/clients/0/attributes/pkce.code.challenge.method"), prod.at("/clients/0/attributes/pkce.code.challenge.method"));
    }

    @Test
    void theKubernetesRealmImportIsGeneratedFromTheProductionRealm() throws Exception {
        assertEquals(0, DeployFiles.run(List.of("node", DeployFiles.SCRIPTS.resolve("generate-realm-import.mjs").toString(), "--check")).exit(),
                "k8s/components/keycloak/realm-import.yaml is stale: node src/test/deploy/generate-realm-import.mjs");
        JsonNode imported = DeployFiles.documents(DeployFiles.K8S.resolve("components/keycloak/realm-import.yaml")).get(0);
        assertEquals(realm("claudio-portal-realm.prod.json"), imported.at("/spec/realm"));

        Path stale = Files.createTempFile("realm-import", ".yaml");
        try {
            Files.writeString(stale, DeployFiles.read(DeployFiles.K8S.resolve("components/keycloak/realm-import.yaml"))
                    .replace("bruteForceProtected: true", "bruteForceProtected: false"));
            DeployFiles.Result check = DeployFiles.run(List.of("node", DeployFiles.SCRIPTS.resolve("generate-realm-import.mjs").toString(),
                    "--check", "--target", stale.toString()));
            assertEquals(1, check.exit(), "a hand-edited realm import is caught");
            assertTrue(check.err().contains("is not generated from"), check.err());
        } finally {
            Files.deleteIfExists(stale);
        }
    }

    private static JsonNode conditionalFlowWith(Map<String, JsonNode> flows, Map<String, JsonNode> configs, String condition,
            String key, String value) {
        for (JsonNode flow : flows.values()) {
            for (JsonNode execution : flow.path("authenticationExecutions")) {
                if (condition.equals(execution.path("authenticator").asText())
                        && value.equals(configs.getOrDefault(execution.path("authenticatorConfig").asText(), DeployFiles.JSON.createObjectNode())
                                .path(key).asText())) {
                    return flow;
                }
            }
        }
        return null;
    }

    private static boolean requires(JsonNode flow, String authenticator) {
        List<String> required = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(e -> {
            if ("REQUIRED".equals(e.path("requirement").asText())) {
                required.add(e.path("authenticator").asText());
            }
        });
        return required.contains(authenticator);
    }
}
