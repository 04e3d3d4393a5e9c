package com.claudioportal.credentials;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.claudioportal.audit.AuditEvent;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.Sql;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.WebClient;
import com.claudioportal.tenant.CurrentUser;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * After a master-key rotation (the test profile knows keys test0 and test1, test1 active), secrets
 * still sealed with the old key open, and the platform admin's action re-seals them.
 */
@QuarkusTest
class SecretRotationTest extends TenantTestBase {

    @Inject
    ConnectionService connections;

    @Inject
    SecretRotation rotation;

    @Inject
    Sql sql;

    @Inject
    io.vertx.core.Vertx vertx;

    @Test
    void atStartUpSecretsUnderARetiredKeyAreResealedInTheBackground() {
        String tenant = fixtures.tenant("Start-up Rotation Clinic", Fixtures.email("admin"));
        scope.run(tenant, () -> connections.save("http://localhost:9/claudio", "start-key-3333", "start-secret-4444"));
        sealWithRetiredKey(tenant, "start-key-3333", "start-secret-4444");
        assertTrue(sealedOf(tenant).startsWith("v1:test0:"), "the set-up seals with the retired key");

        // what Quarkus calls when the portal starts (PORTAL_ENCRYPTION_REENCRYPT_ON_START defaults to true)
        rotation.onStart(new StartupEvent(), vertx);

        await().atMost(Duration.ofSeconds(30)).until(() -> sealedOf(tenant).startsWith("v1:test1:"));
        String sealed = sealedOf(tenant);
        assertTrue(sealed.contains(" v1:test1:"), "both the key and the secret are re-sealed: " + sealed);
        assertEquals("start-secret-4444", scope.call(tenant, () -> connections.account().orElseThrow().apiSecret()));
    }

    private void sealWithRetiredKey(String tenant, String key, String secret) {
        SecretBox retired = TestSecretBoxes.box(ConfigProvider.getConfig().getValue("portal.encryption.keys", String.class), "test0");
        scope.platform(() -> sql.update(
                "update claudio_connection set api_key_sealed = ?1, api_secret_sealed = ?2 where tenant_id = ?3",
                retired.seal(key, "claudio-api-key:" + tenant), retired.seal(secret, "claudio-api-secret:" + tenant), tenant));
    }

    private String sealedOf(String tenant) {
        return scope.platform(() -> sql.<String>one(
                "select api_key_sealed || ' ' || api_secret_sealed from claudio_connection where tenant_id = ?1", tenant));
    }

    @Test
    @SignedInAs(value = "platform@rotation.test", roles = CurrentUser.PLATFORM_ADMIN_ROLE)
    void oldSecretsStayReadableAndAreReencryptedWithTheActiveKey() {
        String tenant = fixtures.tenant("Rotation Clinic", Fixtures.email("admin"));
        scope.run(tenant, () -> connections.save("http://localhost:9/claudio", "old-key-1111", "old-secret-2222"));
        // as if saved before the rotation: sealed with the retired key test0
        sealWithRetiredKey(tenant, "old-key-1111", "old-secret-2222");
        assertEquals("old-secret-2222", scope.call(tenant, () -> connections.account().orElseThrow().apiSecret()));
        assertTrue(rotation.pending() >= 1);
        given().get("/platform/encryption").then().statusCode(200).body(containsString("test1"));

        WebClient.send("POST", "/platform/encryption/reencrypt", "/platform/encryption").then().statusCode(303);

        String sealed = sealedOf(tenant);
        assertTrue(sealed.startsWith("v1:test1:") && sealed.contains(" v1:test1:"), sealed);
        assertEquals(0, rotation.pending());
        assertEquals("old-key-1111", scope.call(tenant, () -> connections.account().orElseThrow().apiKey()));
        assertEquals(1L, (long) scope.call(tenant, () -> AuditEvent.count("action", "connection.reencrypted")));
    }
}
