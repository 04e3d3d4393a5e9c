package com.claudioportal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConfigurationDriftTest {

    /** Variables agreed for the features of this round (mail, S3 store, database roles, audit keys). */
    static final List<String> PLANNED = List.of("SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_TLS", "MAIL_FROM",
            "PORTAL_STORAGE_TYPE", "PORTAL_S3_BUCKET", "PORTAL_S3_ENDPOINT", "PORTAL_S3_REGION", "PORTAL_S3_PATH_STYLE",
            "PORTAL_S3_ACCESS_KEY_ID", "PORTAL_S3_SECRET_ACCESS_KEY", "PORTAL_S3_SSE", "PORTAL_S3_KMS_KEY_ID", "PORTAL_S3_PREFIX",
            "DB_USER", "DB_PASSWORD", "DB_MIGRATION_USER", "DB_MIGRATION_PASSWORD", "PORTAL_AUDIT_KEYS", "PORTAL_AUDIT_ACTIVE_KEY");

    static String properties() {
        return DeployFiles.read(DeployFiles.ROOT.resolve("src/main/resources/application.properties"));
    }

    static String kubernetes() {
        return DeployFiles.read(DeployFiles.K8S.resolve("base/configmap.yaml")) + "\n"
                + DeployFiles.read(DeployFiles.K8S.resolve("base/secret.example.yaml"));
    }

    @Test
    void everyVariableTheConfigurationReadsIsDocumentedAndInTheDeploymentFiles() {
        ConfigurationDrift.Variables variables = ConfigurationDrift.readBy(properties());
        assertTrue(variables.deployment().containsAll(Set.of("DB_URL", "OIDC_AUTH_SERVER_URL", "PORTAL_ENCRYPTION_KEYS", "PORTAL_SHUTDOWN_TIMEOUT")),
                variables.toString());
        List<String> problems = ConfigurationDrift.check(variables,
                DeployFiles.read(DeployFiles.ROOT.resolve("docs/configuration.md")),
                DeployFiles.read(DeployFiles.DOCKER.resolve(".env.example")), kubernetes());
        assertEquals(List.of(), problems);
    }

    @Test
    void thePlannedVariablesAreAlreadyWiredIntoTheDeploymentFiles() {
        ConfigurationDrift.Variables planned = new ConfigurationDrift.Variables(Set.copyOf(PLANNED), Set.of());
        List<String> problems = ConfigurationDrift.check(planned, "`" + String.join("` `", PLANNED) + "`",
                DeployFiles.read(DeployFiles.DOCKER.resolve(".env.example")), kubernetes());
        assertEquals(List.of(), problems);
        String compose = DeployFiles.read(DeployFiles.DOCKER.resolve("compose.yaml"));
        PLANNED.forEach(variable -> assertTrue(compose.contains("${" + variable), variable + " is not passed by compose.yaml"));
    }

    @Test
    void aNewVariableThatIsNotWiredEverywhereIsReported() {
        String properties = properties() + "\nportal.example.thing=${PORTAL_BRAND_NEW_SETTING:x}\n%demo.portal.example.other=${PORTAL_DEMO_ONLY:y}\n";
        List<String> problems = ConfigurationDrift.check(ConfigurationDrift.readBy(properties),
                DeployFiles.read(DeployFiles.ROOT.resolve("docs/configuration.md")),
                DeployFiles.read(DeployFiles.DOCKER.resolve(".env.example")), kubernetes());
        assertEquals(List.of("PORTAL_BRAND_NEW_SETTING is not documented in docs/configuration.md",
                "PORTAL_DEMO_ONLY is not documented in docs/configuration.md",
                "PORTAL_BRAND_NEW_SETTING is not in docker/.env.example",
                "PORTAL_BRAND_NEW_SETTING is not in k8s/base/configmap.yaml or secret.example.yaml"), problems);
    }
}
