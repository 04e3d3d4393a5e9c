package com.claudioportal.audit;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.claudioportal.forms.Flash;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.forms.Words;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The audit pages, for whichever chain a resource shows: the tenant's own ({@link AuditResource})
 * or any chain for the platform admin ({@link PlatformAuditResource}). Reads run inside the
 * chain's tenant, so Hibernate's scoping applies as everywhere else.
 */
@ApplicationScoped
public class AuditPages {

    /** Rows an export reads per query. */
    static final int EXPORT_BATCH = 1_000;

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance log(AuditView view);

        static native TemplateInstance event(AuditView view, AuditEvent event);
    }

    @Inject
    AuditQuery query;

    @Inject
    AuditVerifier verifier;

    @Inject
    TenantScope scope;

    @Inject
    AuditRequest request;

    @Inject
    Flash flash;

    @Inject
    CurrentUser user;

    @Inject
    io.vertx.core.Vertx vertx;

    /** Where a page of a chain is, and how it is named. */
    public record Place(String chain, String heading, String base, String jobBase) {
    }

    /** {@code beforeText}/{@code afterText}: the paging link's sequence number; one written by hand gives the newest entries with a word. */
    public Response log(Place place, AuditFilter filter, String beforeText, String afterText) {
        Long parsedBefore = cursor(beforeText);
        Long parsedAfter = cursor(afterText);
        String problem = parsedBefore == null && beforeText != null && !beforeText.isBlank()
                ? Words.of(AuditMessages.class).msg_older_not_understood()
                : parsedAfter == null && afterText != null && !afterText.isBlank()
                        ? Words.of(AuditMessages.class).msg_newer_not_understood() : null;
        Long before = problem == null ? parsedBefore : null;
        Long after = problem == null ? parsedAfter : null;
        FormErrors errors = filter.check();
        request.detailFilters(filter);
        AuditQuery.Page page = errors.any() ? new AuditQuery.Page(List.of(), null, null)
                : in(place, () -> query.page(filter, before, after, AuditQuery.PAGE_SIZE));
        LocalDate to = filter.toDay != null ? filter.toDay : LocalDate.now(ZoneOffset.UTC);
        LocalDate from = filter.fromDay != null && ChronoUnit.DAYS.between(filter.fromDay, to) <= 92 && !filter.fromDay.isAfter(to)
                ? filter.fromDay : to.minusDays(29);
        ActivityChart chart = ActivityChart.of(from, to, in(place, () -> query.perDay(from, to)));
        AuditView view = new AuditView(place.heading(), place.base(), place.jobBase(), filter, errors, page,
                verifier.last(place.chain()).orElse(null), chart, problem);
        return Response.status(errors.any() ? 400 : 200).entity(Templates.log(view)).build();
    }

    /** One event in words; without an id, the log itself. */
    public Response event(Place place, Long id) {
        if (id == null) {
            return Response.seeOther(java.net.URI.create(place.base())).build();
        }
        AuditEvent event = in(place, () -> query.find(id));
        if (event == null) {
            throw new NotFoundException();
        }
        request.detail("event", event.seq);
        AuditFilter none = new AuditFilter();
        none.check();
        return Response.ok(Templates.event(new AuditView(place.heading(), place.base(), place.jobBase(), none, FormErrors.none(), null,
                null, null, null), event)).build();
    }

    private static Long cursor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(text.strip());
            return seq > 0 ? seq : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The filtered events as CSV, newest first, read in batches while the answer is written. */
    public Response export(Place place, AuditFilter filter) {
        FormErrors errors = filter.check();
        if (errors.any()) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        request.detailFilters(filter);
        AuditCsv.Language language = AuditCsv.Language.ofRequest();
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            AuditCsv.header(w, language);
            Long before = null;
            while (true) {
                Long cursor = before;
                List<AuditEvent> rows = scope.call(place.chain(), () -> query.batch(filter, cursor, EXPORT_BATCH));
                for (AuditEvent e : rows) {
                    AuditCsv.event(w, e, language);
                }
                w.flush();
                if (rows.size() < EXPORT_BATCH) {
                    break;
                }
                before = rows.get(rows.size() - 1).seq;
            }
        };
        String name = "audit-" + place.chain().replace("_", "") + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /**
     * "Verify now": the events since the last checkpoint, at once; or the whole chain, in the
     * background (it takes seconds per million events), the result appearing on the page.
     */
    public Response verify(Place place, String mode) {
        boolean full = "full".equals(mode);
        request.detail("mode", full ? "every event" : "new events");
        String by = user.actor();
        if (full) {
            // not on the request's context: the walk outlives the request
            vertx.executeBlocking(() -> verifier.verify(place.chain(), AuditVerifier.Mode.FULL, by), false);
            flash.success(Words.of(AuditMessages.class).msg_checking_all());
        } else {
            AuditVerifier.Checkpoint c = verifier.verify(place.chain(), AuditVerifier.Mode.INCREMENTAL, by).orElse(null);
            if (c == null) {
                flash.success(Words.of(AuditMessages.class).msg_checking_now());
            } else if (c.intact()) {
                request.detail("intact", true);
                request.detail("events", c.events());
                flash.success(Words.of(AuditMessages.class).msg_intact(c.events(), c.seq()));
            } else {
                request.detail("intact", false);
                request.detail("brokenAt", c.brokenSeq());
                flash.problem(Words.of(AuditMessages.class).msg_tampering(c.brokenSeq(), c.reason()));
            }
        }
        return Response.seeOther(java.net.URI.create(place.base())).build();
    }

    private <T> T in(Place place, Callable<T> work) {
        return scope.call(place.chain(), work);
    }
}
