package com.claudioportal.retention;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.claudioportal.audit.Audited;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobActions;
import com.claudioportal.job.JobContent;
import com.claudioportal.job.JobResource;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.web.SeeOther;
import com.claudioportal.forms.Words;
import com.claudioportal.web.WorkflowMessages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** "Erase content now" on a job page: a confirmation page (no JavaScript needed), then the erasure. */
@Path("/t/{tenant}/jobs/{jobId}/erase")
@Authenticated
@TenantRoles(TenantRole.TENANT_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class EraseResource {

    @CheckedTemplate(basePath = "retention")
    static class Templates {
        static native TemplateInstance erase(Job job, boolean erasable);
    }

    @Inject
    ContentErasure erasure;

    @Inject
    SeeOther answer;

    @GET
    @Transactional
    public TemplateInstance confirm(@PathParam("jobId") long jobId) {
        Job job = JobActions.find(jobId);
        return Templates.erase(job, JobContent.erasable(job));
    }

    @POST
    @Audited(value = "job.content-erased", target = "job", id = "jobId")
    public Response erase(@PathParam("jobId") long jobId) {
        return answer.done(JobResource.path(jobId), erasure.eraseNow(jobId), Words.of(WorkflowMessages.class).erase_done());
    }
}
