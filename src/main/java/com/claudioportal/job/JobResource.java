package com.claudioportal.job;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.claudioportal.forms.Result;
import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.web.SeeOther;
import com.claudioportal.audit.Audited;
import com.claudioportal.profile.Profile;
import com.claudioportal.profile.ProfileVersion;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.forms.TimeZoneChoice;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * One job: its inputs, files, progress (refreshed live while it moves) and timeline, and what
 * staff can do about it here (retry, cancel, submit again). What they ask of Claudio from this page
 * (link, check now, open a transcript or media file) lives with tracking, under the same address.
 * Auditors see the metadata and timeline, never field values or results.
 */
@Path("/t/{tenant}/jobs/{jobId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class JobResource {

    /** What the page shows; {@code content} is false for auditors (no health information). */
    public record JobView(Job job, Profile profile, ProfileVersion version, List<JobFile> files, List<JobEvent> timeline,
            boolean content, JobResult result, boolean admin, ClaudioDetails details) {

        /** A field value as sent; an empty one shows as a dash, so the list keeps its shape. */
        public String sent(String key) {
            String value = job.fieldValues().get(key);
            return value == null || value.isBlank() ? "\u2014" : value;
        }

        public List<JobPriority> priorities() {
            return List.of(JobPriority.values());
        }

        /** The due time for the admin's datetime-local input, on the reader's clock. */
        public String dueInput() {
            return JobDue.input(job.dueAt, TimeZoneChoice.current());
        }

        public String dueWords() {
            return JobDue.words(job.dueAt);
        }

        /** The tab's title: it changes when the transcript is ready, so a background tab shows it. */
        public String title() {
            String name = job.name;
            return switch (job.status) {
                case COMPLETED -> Words.of(JobMessages.class).title_ready(name);
                case FAILED -> Words.of(JobMessages.class).title_failed(name);
                case NEEDS_ATTENTION -> Words.of(JobMessages.class).title_attention(name);
                default -> name;
            };
        }
    }

    @CheckedTemplate(basePath = "job")
    static class Templates {
        static native TemplateInstance page(JobView view);

        static native TemplateInstance progressFragment(JobView view);

        static native TemplateInstance cancel(Job job);
    }

    @Inject
    JobActions actions;

    @Inject
    TenantContext tenant;

    @Inject
    SeeOther answer;

    @GET
    @TenantRoles({ TenantRole.STAFF, TenantRole.AUDITOR })
    @Audited(value = "job.viewed", target = "job", id = "jobId", coalesce = true)
    public TemplateInstance page(@PathParam("jobId") long jobId) {
        return Templates.page(view(jobId));
    }

    /** The live part of the page, polled by htmx while the job is moving. */
    @GET
    @Path("progress")
    @TenantRoles({ TenantRole.STAFF, TenantRole.AUDITOR })
    @Audited(value = "job.viewed", target = "job", id = "jobId", coalesce = true)
    public Response progress(@PathParam("jobId") long jobId) {
        JobView view = view(jobId);
        Response.ResponseBuilder answer = Response.ok(Templates.progressFragment(view));
        if (!view.job().status.isLive()) {
            // the last refresh: the job just finished or needs someone, so the bell may have a new notification
            answer.header("HX-Trigger", "portal-notifications");
        }
        return answer.build();
    }

    @POST
    @Path("retry")
    @TenantRoles(TenantRole.STAFF)
    @Audited(value = "job.retried", target = "job", id = "jobId")
    public Response retry(@PathParam("jobId") long jobId) {
        return done(jobId, actions.retry(jobId), Words.of(JobMessages.class).done_retry());
    }

    /**
     * Asks before cancelling, on a page of its own: the buttons sit in the live part of the job page, which
     * refreshes while the job moves, so an inline question would close under the person's hand; and a page
     * needs no JavaScript.
     */
    @GET
    @Path("cancel")
    @TenantRoles(TenantRole.STAFF)
    public TemplateInstance confirmCancel(@PathParam("jobId") long jobId) {
        return Templates.cancel(JobActions.find(jobId));
    }

    @POST
    @Path("cancel")
    @TenantRoles(TenantRole.STAFF)
    @Audited(value = "job.cancelled", target = "job", id = "jobId")
    public Response cancel(@PathParam("jobId") long jobId) {
        return done(jobId, actions.cancel(jobId), Words.of(JobMessages.class).done_cancel());
    }

    @POST
    @Path("submit-again")
    @TenantRoles(TenantRole.STAFF)
    @Audited(value = "job.resubmitted", target = "job", id = "jobId")
    public Response submitAgain(@PathParam("jobId") long jobId) {
        return done(jobId, actions.submitAgain(jobId), Words.of(JobMessages.class).done_submit_again());
    }

    /** Tenant admins change the priority and due time later (audited). */
    @POST
    @Path("schedule")
    @TenantRoles(TenantRole.TENANT_ADMIN)
    @Audited(value = "job.rescheduled", target = "job", id = "jobId")
    public Response schedule(@PathParam("jobId") long jobId, @RestForm String priority, @RestForm String dueAt) {
        return done(jobId, actions.reschedule(jobId, priority, dueAt), Words.of(JobMessages.class).done_schedule());
    }

    /** After an action: back to the job page with what happened. */
    private Response done(long jobId, Result<?> outcome, String success) {
        return answer.done(path(jobId), outcome, success);
    }

    /** The job page's path within the tenant; tracking's page actions come back to it too. */
    public static String path(long jobId) {
        return "/jobs/" + jobId;
    }

    private JobView view(long jobId) {
        Job job = JobActions.find(jobId);
        boolean content = tenant.can(TenantRole.STAFF);
        return new JobView(job, Profile.findById(job.profileId), ProfileVersion.findById(job.profileVersionId),
                JobFile.list("jobId = ?1 order by position", jobId), JobEvent.list("jobId = ?1 order by at, id", jobId),
                content, content ? job.resultOrNull() : null, tenant.can(TenantRole.TENANT_ADMIN),
                content ? job.claudioDetailsOrNull() : null);
    }
}
