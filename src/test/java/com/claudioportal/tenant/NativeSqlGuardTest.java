package com.claudioportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Native SQL bypasses Hibernate's tenant scoping, so on tenant-owned tables it is allowed only in
 * the places listed here (and in docs/architecture.md, "Tenant isolation"), each for the tables it
 * needs. The test reads the main sources: every SQL string in a class that runs native SQL (or
 * JDBC) is checked for the tables it names; the tenant-owned tables are those the Flyway
 * migrations give a {@code tenant_id}.
 */
class NativeSqlGuardTest {

    /** Class name pattern to the tenant-owned tables it may touch with native SQL. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            // deciding access and listing a person's tenants; organization grants on first use
            "com\\.claudioportal\\.tenant\\.TenantDirectory", Set.of("membership"),
            // the tenant of a webhook token, found by its hash before any tenant is known
            "com\\.claudioportal\\.credentials\\.WebhookTokens", Set.of("webhook_token"),
            // which jobs are due, claims and lease heartbeats (several instances share the work); webhook
            // notices on the timeline, bound to the tenant of the webhook address
            "com\\.claudioportal\\.tracking\\..*", Set.of("job", "job_event"),
            // late jobs and digest readers across tenants (ids only, then the work inside the tenant); mail
            // outbox claims with leases (ids and scheduling columns only)
            "com\\.claudioportal\\.notifications\\.(LateAlerts|Digests|MailClaims)", Set.of("job", "notification", "mail_outbox"),
            // jobs past their tenant's retention period (ids only; erased inside the tenant)
            "com\\.claudioportal\\.retention\\.RetentionPurge", Set.of("job"),
            // which tenants have abandoned uploads (ids only)
            "com\\.claudioportal\\.upload\\.UploadCleanup", Set.of("upload"),
            // which tenants have secrets sealed with an old key (ids and counts only)
            "com\\.claudioportal\\.credentials\\.SecretRotation", Set.of("claudio_connection"),
            // the hash chain, written for a named tenant in the caller's transaction
            "com\\.claudioportal\\.audit\\.AuditTrail", Set.of("audit_event"),
            // one named chain's sequence numbers and MACs (verification, anchors, the purge's bounds) and its
            // events per day and group (the activity chart), each statement bound to the chain's tenant_id
            "com\\.claudioportal\\.audit\\.(AuditVerifier|AuditAnchors|AuditRetention|AuditQuery)", Set.of("audit_event"),
            // a new tenant's first admin, in the transaction that creates the tenant
            "com\\.claudioportal\\.platform\\.PlatformTenantService", Set.of("membership"));

    static final Pattern NATIVE = Pattern.compile("createNativeQuery|createNativeStatement|java\\.sql\\.|javax\\.sql\\.|\\bDataSource\\b|doWork\\(");
    static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    static final Pattern TABLE = Pattern.compile("(?i:\\b(?:from|join|into|update|truncate(?:\\s+table)?|table|only))\\s+([a-z_][a-z0-9_]*)");
    static final Pattern CREATE = Pattern.compile("(?is)create\\s+table\\s+([a-z_][a-z0-9_]*)\\s*\\((.*?)\\);");
    static final Pattern ADD_TENANT = Pattern.compile("(?is)alter\\s+table\\s+([a-z_][a-z0-9_]*)\\s+add\\s+(?:column\\s+)?tenant_id");

    @Test
    void nativeSqlOnTenantOwnedTablesOnlyWhereListed() throws IOException {
        Set<String> owned = tenantOwnedTables();
        assertTrue(owned.containsAll(Set.of("membership", "job", "upload", "audit_event", "claudio_connection")), owned.toString());
        List<String> violations = new ArrayList<>();
        int classesWithSql = 0;
        Path sources = Path.of("src", "main", "java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String code = withoutComments(Files.readString(file));
                if (!NATIVE.matcher(code).find()) {
                    continue;
                }
                classesWithSql++;
                String className = sources.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                Set<String> allowed = allowedFor(className);
                for (String table : tablesNamedIn(code)) {
                    if (owned.contains(table) && !allowed.contains(table)) {
                        violations.add(className + " runs native SQL on the tenant-owned table " + table);
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "use the tenant-scoped entities, or add the class to ALLOWED and to docs/architecture.md");
        assertTrue(classesWithSql >= 7, "classes with native SQL found: " + classesWithSql);
    }

    @Test
    void theGuardSeesATableInATextBlockAndAString() {
        assertEquals(Set.of("job", "job_file"), tablesNamedIn("em.createNativeQuery(\"\"\"\n select * from job j\n join job_file f on 1=1\"\"\")"));
        assertEquals(Set.of("membership"), tablesNamedIn("em.createNativeQuery(\"update membership set x = 1\")"));
        assertEquals(Set.of(), tablesNamedIn("em.createQuery(\"from Job j\")"), "JPQL names entities, which Hibernate scopes");
    }

    static Set<String> tablesNamedIn(String code) {
        Set<String> tables = new TreeSet<>();
        Matcher s = STRING.matcher(code);
        while (s.find()) {
            String literal = s.group(1) != null ? s.group(1) : s.group(2);
            Matcher t = TABLE.matcher(literal);
            while (t.find()) {
                tables.add(t.group(1));
            }
        }
        return tables;
    }

    static Set<String> tenantOwnedTables() throws IOException {
        Set<String> owned = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(file);
                Matcher m = CREATE.matcher(sql);
                while (m.find()) {
                    if (m.group(2).matches("(?s).*\\btenant_id\\b.*")) {
                        owned.add(m.group(1).toLowerCase());
                    }
                }
                Matcher a = ADD_TENANT.matcher(sql);
                while (a.find()) {
                    owned.add(a.group(1).toLowerCase());
                }
            }
        }
        return owned;
    }

    private static Set<String> allowedFor(String className) {
        Set<String> tables = new TreeSet<>();
        ALLOWED.forEach((pattern, t) -> {
            if (className.matches(pattern)) {
                tables.addAll(t);
            }
        });
        return tables;
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }
}
