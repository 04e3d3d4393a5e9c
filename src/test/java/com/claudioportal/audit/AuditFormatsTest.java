package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.claudioportal.tenant.RoleMessages;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The export, the readable details, the signed form and the chart. A Quarkus test because the filter's
 * refusals come from the message bundles (forms.Words), which exist only in a running application.
 */
@QuarkusTest
class AuditFormatsTest {

    @Test
    void csvCellsAreQuotedAndCannotRunAsSpreadsheetFormulas() {
        assertEquals("\"plain\"", AuditCsv.cell("plain"));
        assertEquals("\"say \"\"hi\"\"\"", AuditCsv.cell("say \"hi\""));
        assertEquals("\"a,b\nc\"", AuditCsv.cell("a,b\nc"));
        for (String dangerous : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd")) {
            assertTrue(AuditCsv.cell(dangerous).startsWith("\"'"), dangerous);
        }
        assertEquals("\"\"", AuditCsv.cell(null));
        assertEquals("\"Élodie Côté\"", AuditCsv.cell("Élodie Côté"));
    }

    @Test
    void theExportHasAByteOrderMarkAHeaderAndOneLinePerEvent() throws Exception {
        StringWriter out = new StringWriter();
        AuditCsv.header(out);
        AuditCsv.event(out, aJobViewed());
        String[] lines = out.toString().split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("\uFEFF\"Event\",\"Time (UTC)\",\"Person\""), lines[0]);
        assertTrue(lines[1].startsWith("\"7\",\"2026-11-30T10:15:30.123456Z\",\"'=cmd|' /C calc'!A0\",\"Staff\""), lines[1]);
        assertTrue(lines[1].contains("\"Job viewed\",\"job.viewed\",\"Access\",\"Done\",\"job\",\"17\",\"Content: yes\""), lines[1]);
    }

    @Test
    void aFrenchReadersExportIsInFrenchAndItsCodesStayCodes() throws Exception {
        AuditCsv.Language french = new AuditCsv.Language(MessageBundles.get(AuditMessages.class, Localized.Literal.of("fr")),
                MessageBundles.get(RoleMessages.class, Localized.Literal.of("fr")));
        StringWriter out = new StringWriter();
        AuditCsv.header(out, french);
        AuditCsv.event(out, aJobViewed(), french);
        String[] lines = out.toString().split("\r\n");
        assertTrue(lines[0].startsWith("\uFEFF\"Événement\",\"Heure (UTC)\""), lines[0]);
        assertTrue(lines[1].contains("\"Personnel\""), lines[1]);
        assertTrue(lines[1].contains("\"Travail consulté\",\"job.viewed\",\"Accès\",\"Fait\",\"job\",\"17\""), lines[1]);
    }

    static AuditEvent aJobViewed() {
        AuditEvent e = new AuditEvent();
        e.tenantId = "maple";
        e.seq = 7;
        e.occurredAt = Instant.parse("2026-11-30T10:15:30.123456Z");
        e.actor = "=cmd|' /C calc'!A0";
        e.actorRole = "STAFF";
        e.action = "job.viewed";
        e.actionGroup = AuditGroup.ACCESS;
        e.outcome = AuditOutcome.SUCCESS;
        e.targetType = "job";
        e.targetId = "17";
        e.details = "{\"content\":true}";
        return e;
    }

    @Test
    void detailsReadAsWordsAndOldSecretHintsAndFileNamesAreNotShown() {
        assertEquals(List.of(new ReadableDetails.Line("Role", "Staff → Auditor")),
                ReadableDetails.of("{\"role\":{\"from\":\"STAFF\",\"to\":\"AUDITOR\"}}"));
        assertEquals("Profile version: 3; Recordings: 2", ReadableDetails.summary("{\"profileVersion\":3,\"recordings\":2}"));
        assertEquals("Api key: not shown; File: not shown; Worked: yes",
                ReadableDetails.summary("{\"apiKey\":\"1234\",\"file\":\"Jean Dupont.wav\",\"ok\":true}"));
        assertEquals("Organization: — → acme", ReadableDetails.summary("{\"organizationAlias\":[null,\"acme\"]}"));
        assertEquals(List.of(), ReadableDetails.of("{}"));
    }

    @Test
    void theSignedFormIsUnambiguous() {
        assertFalse(java.util.Arrays.equals(AuditKeys.canonical("a;", "b"), AuditKeys.canonical("a", ";b")));
        assertFalse(java.util.Arrays.equals(AuditKeys.canonical((Object) null), AuditKeys.canonical("")));
        assertFalse(java.util.Arrays.equals(AuditKeys.canonical("1:x;", ""), AuditKeys.canonical("1:x", ";")));
        assertArrayEquals("2:é;1:7;-:;".getBytes(java.nio.charset.StandardCharsets.UTF_8), AuditKeys.canonical("é", 7, null));
    }

    @Test
    void theChartStacksTheGroupsOfEachDayAndScalesToTheBusiestDay() {
        LocalDate d1 = LocalDate.parse("2026-11-01");
        ActivityChart chart = ActivityChart.of(d1, d1.plusDays(2), Map.of(
                d1, Map.of(AuditGroup.ACCESS, 10L, AuditGroup.JOBS, 30L),
                d1.plusDays(2), Map.of(AuditGroup.SECURITY, 4L)));
        assertEquals(3, chart.days().size());
        assertEquals(40, chart.max());
        assertEquals(44, chart.total());
        List<ActivityChart.Bar> first = chart.bars().stream().filter(b -> b.day().equals(d1)).toList();
        assertEquals(2, first.size());
        assertEquals(chart.baseline() - 4, first.get(0).height() + first.get(1).height(), "the busiest day fills the plot");
        assertEquals(first.get(0).y(), first.get(1).y() + first.get(1).height(), "stacked, no gap");
        assertEquals(List.of("chart-access", "chart-jobs"), first.stream().map(ActivityChart.Bar::css).toList());
        assertTrue(chart.bars().stream().noneMatch(b -> b.day().equals(d1.plusDays(1))), "an empty day has no bar");
    }

    @Test
    void theLastDaysLabelEndsInsideTheChart() {
        LocalDate to = LocalDate.parse("2026-12-02");
        ActivityChart chart = ActivityChart.of(to.minusDays(29), to, Map.of());
        ActivityChart.Tick last = chart.ticks().get(chart.ticks().size() - 1);
        assertEquals("12-02", last.label());
        assertTrue(last.last(), "anchored at its end");
        assertTrue(last.x() <= ActivityChart.WIDTH, "ends at x " + last.x() + ", inside " + ActivityChart.WIDTH);
        assertTrue(chart.ticks().stream().limit(chart.ticks().size() - 1).noneMatch(ActivityChart.Tick::last));
    }

    @Test
    void badFilterValuesAreExplainedPerField() {
        AuditFilter f = new AuditFilter();
        f.from = "31/03/2026";
        f.to = "2026-03-01";
        f.group = "everything";
        f.job = "seventeen";
        var errors = f.check();
        assertTrue(errors.get("from").contains("YYYY-MM-DD"));
        assertTrue(errors.get("group").contains("listed"));
        assertTrue(errors.get("job").contains("number"));
        AuditFilter ok = new AuditFilter();
        ok.from = "2026-03-01";
        ok.to = "2026-03-31";
        ok.group = "access";
        ok.job = "17";
        ok.actor = " Staff@Maple.TEST ";
        assertTrue(ok.check().isEmpty());
        assertEquals("from=2026-03-01&to=2026-03-31&actor=staff%40maple.test&group=ACCESS&job=17", ok.query());
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), ok.toInstant(), "the end day is included");
    }
}
