package com.claudioportal.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.claudioportal.forms.Words;
import com.claudioportal.tenant.RoleMessages;

/**
 * The CSV export: UTF-8 with a byte-order mark (so spreadsheet programs read accented names
 * correctly), a header row, every cell quoted, and cells that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) prefixed with a single quote.
 */
public final class AuditCsv {

    public static final String BOM = "\uFEFF";

    private AuditCsv() {
    }

    /**
     * The words of one export in the reader's language, taken while the request is still there (the rows
     * are written later, as they stream). The codes (action code, target type, chain) stay codes in both
     * languages, and so does an action the catalogue lacks.
     */
    public record Language(AuditMessages words, RoleMessages roles) {
        public static Language ofRequest() {
            return new Language(Words.of(AuditMessages.class), Words.of(RoleMessages.class));
        }

        List<String> header() {
            return List.of(words.csv_event(), words.csv_time(), words.csv_person(), words.csv_role(), words.csv_subject(),
                    words.csv_action(), words.csv_action_code(), words.csv_group(), words.csv_outcome(), words.csv_target_type(),
                    words.csv_target(), words.csv_details(), words.csv_client_ip(), words.csv_user_agent(), words.csv_request_id(),
                    words.csv_chain());
        }

        String action(AuditEvent e) {
            String said = AuditActions.isKnown(e.action) ? ReadableDetails.word(words, "act_", e.action) : null;
            return said == null ? e.action : said;
        }

        String group(AuditGroup g) {
            return g == null ? "" : ReadableDetails.word(words, "group_", g.name());
        }

        String outcome(AuditOutcome o) {
            return o == null ? "" : ReadableDetails.word(words, "outcome_", o.name());
        }
    }

    /** In the request's language (English outside a request). */
    public static void header(Writer out) throws IOException {
        header(out, Language.ofRequest());
    }

    public static void event(Writer out, AuditEvent e) throws IOException {
        event(out, e, Language.ofRequest());
    }

    public static void header(Writer out, Language language) throws IOException {
        out.write(BOM);
        row(out, language.header());
    }

    public static void event(Writer out, AuditEvent e, Language language) throws IOException {
        AuditMessages words = language.words();
        row(out, List.of(String.valueOf(e.seq), e.occurredAt.toString(), nz(e.actor), ReadableDetails.roleLabel(e.actorRole, language.roles()),
                nz(e.actorSubject), language.action(e), e.action, language.group(e.actionGroup),
                language.outcome(e.outcome), nz(e.targetType), nz(AuditView.targetShown(e)),
                ReadableDetails.summary(e.details, words, language.roles()), nz(e.clientIp), nz(e.userAgent), nz(e.requestId), e.chain()));
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
