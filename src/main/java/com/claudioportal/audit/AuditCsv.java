package com.claudioportal.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The CSV export: UTF-8 with a byte-order mark (so spreadsheet programs read accented names
 * correctly), a header row, every cell quoted, and cells that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) prefixed with a single quote.
 */
public final class AuditCsv {

    public static final String BOM = "\uFEFF";
    public static final List<String> HEADER = List.of("Event", "Time (UTC)", "Person", "Role", "Subject", "Action", "Action code",
            "Group", "Outcome", "Target type", "Target", "Details", "Client IP", "User agent", "Request id", "Chain");

    private AuditCsv() {
    }

    public static void header(Writer out) throws IOException {
        out.write(BOM);
        row(out, HEADER);
    }

    public static void event(Writer out, AuditEvent e) throws IOException {
        row(out, List.of(String.valueOf(e.seq), e.occurredAt.toString(), nz(e.actor), ReadableDetails.roleLabel(e.actorRole),
                nz(e.actorSubject), e.label(), e.action, e.actionGroup == null ? "" : e.actionGroup.label(),
                e.outcome == null ? "" : e.outcome.label(), nz(e.targetType), nz(AuditView.targetShown(e)),
                ReadableDetails.summary(e.details), nz(e.clientIp), nz(e.userAgent), nz(e.requestId), e.chain()));
    }

    static void row(Writer out, List<String> cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    /** One quoted cell, defused for spreadsheets. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
