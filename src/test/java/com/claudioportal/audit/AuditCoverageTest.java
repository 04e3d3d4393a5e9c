package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Routes;
import com.claudioportal.infra.Routes.Route;

/**
 * The audit log cannot be forgotten: every state-changing route is {@link Audited} (or says why
 * not, {@link AuditExempt}), the reads of health information are audited, and every action the
 * code records is in the catalogue that names and groups it. Routes are enumerated from the
 * compiled classes, like the tenant isolation test, so a new endpoint is covered at once.
 */
class AuditCoverageTest {

    /** Pages that show health information or the audit log: each must record an access event. */
    static final Set<String> AUDITED_READS = Set.of(
            "GET /t/{tenant}/jobs/{jobId}",
            "GET /t/{tenant}/jobs/{jobId}/progress",
            "GET /t/{tenant}/jobs/{jobId}/transcripts/{index}",
            "GET /t/{tenant}/jobs/{jobId}/media/{index}",
            "GET /t/{tenant}/uploads/{uploadId}/media",
            "GET /t/{tenant}/admin/profiles/{profileId}/export",
            "GET /t/{tenant}/audit",
            "GET /t/{tenant}/audit/event",
            "GET /t/{tenant}/audit/export",
            "GET /platform/audit/platform",
            "GET /platform/audit/platform/event",
            "GET /platform/audit/platform/export",
            "GET /platform/audit/tenants/{id}",
            "GET /platform/audit/tenants/{id}/event",
            "GET /platform/audit/tenants/{id}/export");

    @Test
    void everyStateChangingRouteIsAuditedOrExplicitlyExempt() {
        List<String> missing = new ArrayList<>();
        int audited = 0;
        for (Route route : Routes.all()) {
            if (route.method().equals("GET") || route.method().equals("HEAD")) {
                continue;
            }
            Audited a = route.annotation(Audited.class);
            AuditExempt exempt = route.annotation(AuditExempt.class);
            if (a != null) {
                audited++;
                assertTrue(AuditActions.isKnown(a.value()), route + " records the unknown action " + a.value());
            } else if (exempt == null || exempt.value().isBlank()) {
                missing.add(route.toString());
            }
        }
        assertEquals(List.of(), missing, "state-changing routes without @Audited or @AuditExempt(\"why\")");
        assertTrue(audited >= 25, "expected the portal's forms to be found, got " + audited);
    }

    @Test
    void theReadsOfHealthInformationAndOfTheLogAreAudited() {
        Set<String> found = new TreeSet<>();
        for (Route route : Routes.all()) {
            if (AUDITED_READS.contains(route.toString())) {
                found.add(route.toString());
                Audited a = route.annotation(Audited.class);
                assertTrue(a != null && AuditActions.groupOf(a.value()) == AuditGroup.ACCESS, route + " must record an access event");
            }
        }
        assertEquals(new TreeSet<>(AUDITED_READS), found, "routes named here that no longer exist");
    }

    /** Action codes written as literals in code that records events. */
    static final Pattern ACTION = Pattern.compile(
            "\"((?:job|member|profile|preset|tenant|connection|webhook|upload|audit|auth|access|encryption|mail)\\.[a-z-]+)\"");

    @Test
    void everyActionTheCodeRecordsIsInTheCatalogue() throws IOException {
        Set<String> unknown = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("AuditTrail") && !source.contains("Audited") && !source.contains("AuditEntry")
                        && !source.contains("audit.record")) {
                    continue;
                }
                Matcher m = ACTION.matcher(source);
                while (m.find()) {
                    if (m.group(1).matches(".*\\.(json|csv|txt)")) {
                        continue; // a file name, not an action
                    }
                    seen.add(m.group(1));
                    if (!AuditActions.isKnown(m.group(1))) {
                        unknown.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), unknown, "add these to AuditActions (group) and their words to AuditMessages (act_)");
        assertTrue(seen.size() >= 30, "expected the recorded actions to be found, got " + seen);
    }
}
