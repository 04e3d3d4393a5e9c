package com.claudioportal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Sql;
import com.claudioportal.audit.AuditEvent;
import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConnectionServiceTest extends TenantTestBase {

    static final String KEY = "live-key-ABCDEFGH1234";
    static final String SECRET = "live-secret-ZYXWVUTS9876";

    @Inject
    ConnectionService connections;

    @Inject
    Sql sql;

    @Test
    void theDatabaseHoldsNoReadableKeyOrSecret() {
        String tenant = fixtures.tenant("Sealed Clinic", Fixtures.email("admin"));
        assertTrue(scope.call(tenant, () -> connections.save("http://localhost:9/claudio", KEY, SECRET)).ok());

        String row = sql.one("select row_to_json(c)::text from claudio_connection c where tenant_id = ?1", tenant);
        assertFalse(row.contains(KEY), row);
        assertFalse(row.contains(SECRET), row);
        assertFalse(row.contains("ABCDEFGH"), row);
        assertTrue(row.contains("1234") && row.contains("9876"), "only the last four characters are readable");

        String audit = sql.one("select string_agg(details, ' ') from audit_event where tenant_id = ?1", tenant);
        assertFalse(audit.contains(KEY) || audit.contains(SECRET), audit);

        ClaudioAccount account = scope.call(tenant, () -> connections.account().orElseThrow());
        assertEquals(KEY, account.apiKey());
        assertEquals(SECRET, account.apiSecret());
        assertFalse(account.toString().contains(KEY) || account.toString().contains(SECRET));
    }

    @Test
    void rotationReplacesBothAndBlankKeepsThem() {
        String tenant = fixtures.tenant("Rotate Clinic", Fixtures.email("admin"));
        scope.run(tenant, () -> connections.save("http://localhost:9/claudio/", KEY, SECRET));
        assertEquals("http://localhost:9/claudio", scope.call(tenant, () -> connections.account().orElseThrow().baseUrl()),
                "the trailing slash is dropped");

        var halfway = scope.call(tenant, () -> connections.save("http://localhost:9/claudio", "only-a-new-key", ""));
        assertTrue(halfway.errors().get("apiSecret").contains("new API secret"));
        assertEquals(KEY, scope.call(tenant, () -> connections.account().orElseThrow().apiKey()));

        scope.run(tenant, () -> connections.save("http://localhost:9/claudio", "new-key-0001", "new-secret-0002"));
        ClaudioAccount rotated = scope.call(tenant, () -> connections.account().orElseThrow());
        assertEquals("new-key-0001", rotated.apiKey());
        assertEquals("new-secret-0002", rotated.apiSecret());

        scope.run(tenant, () -> connections.save("http://localhost:9/other", "", ""));
        assertEquals("new-key-0001", scope.call(tenant, () -> connections.account().orElseThrow().apiKey()));

        List<String> actions = scope.call(tenant, () -> AuditEvent.<AuditEvent> list("targetType = 'connection' order by seq")
                .stream().map(e -> e.action).toList());
        assertEquals(List.of("connection.created", "connection.credentials-rotated", "connection.updated"), actions);
    }

    @Test
    void badAddressesAndMissingSecretsAreRefusedWithNothingSaved() {
        String tenant = fixtures.tenant("Refuse Clinic", Fixtures.email("admin"));
        var errors = scope.call(tenant, () -> connections.save("http://10.0.0.5/claudio", "", ""));
        assertTrue(errors.errors().get("baseUrl").contains("own network"));
        assertTrue(errors.errors().has("apiKey") && errors.errors().has("apiSecret"));
        assertTrue(scope.call(tenant, () -> ClaudioConnection.current() == null));
    }

    @Test
    void removalIsAuditedAndLeavesNoCredentials() {
        String tenant = fixtures.tenant("Remove Clinic", Fixtures.email("admin"));
        scope.run(tenant, () -> connections.save("http://localhost:9/claudio", KEY, SECRET));
        assertTrue(scope.call(tenant, () -> connections.remove()).ok());
        assertTrue(scope.call(tenant, () -> connections.account()).isEmpty());
        assertEquals(1L, (long) scope.call(tenant, () -> AuditEvent.count("action", "connection.removed")));
    }
}
