package com.claudioportal.job;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.claudioportal.profile.Profile;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.Membership;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The tenant's jobs, newest first, with filters and search. Auditors see it too (metadata only). */
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

        JobQuery query() {
            JobQuery query = new JobQuery();
            query.status = status;
            if (profile != null && !profile.isBlank()) {
                try {
                    query.profile = Long.valueOf(profile.trim());
                } catch (NumberFormatException e) {
                    query.problems.add("The profile filter was not understood, so jobs of every profile are shown.");
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
            return query.checked();
        }
    }

    @CheckedTemplate(basePath = "job")
    static class Templates {
        static native TemplateInstance list(List<JobRow> jobs, String nextLink, Filters filters, boolean filtered,
                List<JobState> states, List<Profile> profiles, List<Membership> members, List<String> problems);
    }

    @Inject
    EntityManager em;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list(@BeanParam Filters filters) {
        JobQuery query = filters.query();
        if (query.profile != null && Profile.findById(query.profile) == null) {
            // another tenant's profile id (or none at all): like every foreign id, a 404
            throw new jakarta.ws.rs.NotFoundException();
        }
        JobQuery.Page page = query.run(em, user.email());
        return Templates.list(page.rows(), page.nextCursor() == null ? null : query.nextLink(page.nextCursor()), filters,
                query.filtered(), Arrays.asList(JobState.values()), Profile.listAll(Sort.by("displayName")),
                Membership.list("revoked = false order by lower(coalesce(displayName, email))"), query.problems);
    }
}
