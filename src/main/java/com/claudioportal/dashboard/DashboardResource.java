package com.claudioportal.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.claudioportal.audit.AuditEvent;
import com.claudioportal.credentials.ClaudioConnection;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobQuery;
import com.claudioportal.job.JobRow;
import com.claudioportal.job.JobState;
import com.claudioportal.profile.Profile;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.Membership;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;

/** A tenant's home page: what is moving, what needs someone, and what to set up. */
@Path("/t/{tenant}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    /** Counts that stay cheap with a million jobs: active states and the last seven days only. */
    public record Counts(long inProgress, long needsAttention, long failedThisWeek, long completedThisWeek, long late) {
    }

    /** What a tenant admin still has to do before staff can submit. */
    public record Setup(boolean connection, boolean connectionTested, long profiles, long members) {
        public boolean complete() {
            return connection && profiles > 0;
        }
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance dashboard(Counts counts, List<JobRow> recentJobs, List<JobRow> dueSoon, Setup setup,
                List<AuditEvent> recentActivity);
    }

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser user;

    @Inject
    EntityManager em;

    @GET
    @TenantRoles({ TenantRole.STAFF, TenantRole.AUDITOR })
    public TemplateInstance dashboard() {
        Instant weekAgo = Instant.now().minus(7, ChronoUnit.DAYS);
        Counts counts = new Counts(
                Job.count("status in ?1", List.of(JobState.QUEUED, JobState.UPLOADING, JobState.SUBMITTING, JobState.SUBMITTED)),
                Job.count("status", JobState.NEEDS_ATTENTION),
                Job.count("status = ?1 and createdAt >= ?2", JobState.FAILED, weekAgo),
                Job.count("status = ?1 and createdAt >= ?2", JobState.COMPLETED, weekAgo),
                JobQuery.lateCount());
        JobQuery recent = new JobQuery();
        recent.mine = tenant.can(TenantRole.STAFF);
        List<JobRow> recentJobs = recent.run(em, user.email()).rows();
        recentJobs = recentJobs.subList(0, Math.min(5, recentJobs.size()));
        JobQuery soon = new JobQuery();
        soon.dueSoon = true;
        soon.sort = "due";
        List<JobRow> dueSoon = soon.run(em, user.email()).rows();
        dueSoon = dueSoon.subList(0, Math.min(5, dueSoon.size()));
        ClaudioConnection connection = ClaudioConnection.current();
        Setup setup = new Setup(connection != null, connection != null && Boolean.TRUE.equals(connection.lastTestOk),
                Profile.count("enabled", true), Membership.count("revoked = false"));
        List<AuditEvent> activity = tenant.can(TenantRole.AUDITOR)
                ? AuditEvent.find("order by seq desc").page(0, 5).list()
                : List.of();
        return Templates.dashboard(counts, recentJobs, dueSoon, setup, activity);
    }
}
