package com.claudioportal.job;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.profile.Profile;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.Membership;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The tenant's jobs, newest submitted first (or last updated, or soonest due), with filters, a word search
 * and pages both ways. Auditors see it too (metadata only).
 */
@Path("/t/{tenant}/jobs")
@Authenticated
@TenantRoles({ TenantRole.STAFF, TenantRole.AUDITOR })
@Produces(MediaType.TEXT_HTML)
public class JobListResource {

    public static class Filters {
        @QueryParam("status")
        public String status;
        /** Text, not a number: a hand-written "?profile=x" is explained on the page, not a 404. */
        @QueryParam("profile")
        public String profile;
        @QueryParam("submitter")
        public String submitter;
        @QueryParam("mine")
        public boolean mine;
        @QueryParam("late")
        public boolean late;
        @QueryParam("dueToday")
        public boolean dueToday;
        @QueryParam("urgent")
        public boolean urgent;
        @QueryParam("sort")
        public String sort;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
        @QueryParam("q")
        public String q;
        @QueryParam("after")
        public String after;
        @QueryParam("before")
        public String before;

        JobQuery query() {
            JobQuery query = new JobQuery();
            query.status = status;
            if (profile != null && !profile.isBlank()) {
                try {
                    query.profile = Long.valueOf(profile.trim());
                } catch (NumberFormatException e) {
                    query.problems.add(Words.of(JobMessages.class).list_bad_profile());
                    profile = null;
                }
            }
            query.submitter = submitter;
            query.mine = mine;
            query.late = late;
            query.dueToday = dueToday;
            query.urgent = urgent;
            query.sort = sort;
            query.from = from;
            query.to = to;
            query.q = q;
            query.after = after;
            query.before = before;
            return query.checked();
        }
    }

    /**
     * The links around a page ("First page" when {@code paged}, "Newer", "Older"; null when there is none; the
     * first page's query string is empty without filters) and how many jobs
     * match: {@code grouped} is the count as shown, in the page's language ("1,240", "1 240"), rounded when
     * {@code about}.
     */
    public record Paging(boolean paged, String first, String newer, String older, long total, boolean about, String grouped) {
    }

    @CheckedTemplate(basePath = "job")
    static class Templates {
        static native TemplateInstance list(List<JobRow> jobs, Paging paging, Filters filters, boolean filtered,
                List<JobState> states, List<Profile> profiles, List<Membership> members, List<String> problems);
    }

    @Inject
    EntityManager em;

    @Inject
    CurrentUser user;

    /** The page's language (Accept-Language, which the person's choice has already replaced). */
    private static java.util.Locale language(jakarta.ws.rs.core.HttpHeaders headers) {
        List<java.util.Locale> wanted = headers.getAcceptableLanguages();
        return wanted.isEmpty() || "*".equals(wanted.get(0).getLanguage()) ? Locale.ENGLISH : wanted.get(0);
    }

    @GET
    public TemplateInstance list(@BeanParam Filters filters, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        JobQuery query = filters.query();
        if (query.profile != null && Profile.findById(query.profile) == null) {
            // another tenant's profile id (or none at all): like every foreign id, a 404
            throw new jakarta.ws.rs.NotFoundException();
        }
        JobQuery.Page page = query.run(em, user.email());
        Paging paging = new Paging(page.paged(), query.firstLink(),
                page.previousCursor() == null ? null : query.previousLink(page.previousCursor()),
                page.nextCursor() == null ? null : query.nextLink(page.nextCursor()), page.total(),
                JobQuery.approximate(page.total()),
                java.text.NumberFormat.getIntegerInstance(language(headers)).format(JobQuery.shownCount(page.total())));
        return Templates.list(page.rows(), paging, filters,
                query.filtered(), Arrays.asList(JobState.values()), Profile.listAll(Sort.by("displayName")),
                submitters(), query.problems);
    }

    /** Who the "Submitted by" filter offers: the members who may submit jobs (staff and tenant admins), by name. */
    static List<Membership> submitters() {
        return Membership.list("revoked = false and role in ?1 order by lower(coalesce(displayName, email))",
                List.of(TenantRole.STAFF, TenantRole.TENANT_ADMIN));
    }
}
