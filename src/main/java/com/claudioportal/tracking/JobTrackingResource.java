package com.claudioportal.tracking;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.claudioportal.forms.Result;
import com.claudioportal.audit.Audited;
import com.claudioportal.job.JobResource;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.web.SeeOther;

import io.quarkus.security.Authenticated;

/**
 * What staff ask of Claudio from a job page: link the job Claudio turned out to have, check on it
 * now, open a transcript or a media file through a fresh link. Same addresses as the job page
 * ({@code /t/{tenant}/jobs/{jobId}/…}), kept here so that {@code job} knows nothing of tracking.
 */
@Path("/t/{tenant}/jobs/{jobId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@TenantRoles(TenantRole.STAFF)
public class JobTrackingResource {

    @Inject
    JobTracking tracking;

    @Inject
    SeeOther answer;

    @POST
    @Path("link")
    @Audited(value = "job.linked", target = "job", id = "jobId")
    public Response link(@PathParam("jobId") long jobId, @RestForm String reference) {
        return answer.done(JobResource.path(jobId), tracking.link(jobId, reference),
                Words.of(JobMessages.class).trk_linked(reference == null ? "" : reference.trim()));
    }

    @POST
    @Path("check")
    @Audited(value = "job.checked", target = "job", id = "jobId")
    public Response check(@PathParam("jobId") long jobId) {
        return answer.done(JobResource.path(jobId), tracking.checkNow(jobId), Words.of(JobMessages.class).trk_checking());
    }

    /** Fetches Claudio's details of the job (Get Job Details) for the job page. Staff: file names are content. */
    @POST
    @Path("claudio-details")
    @Audited(value = "job.claudio-details-viewed", target = "job", id = "jobId")
    public Response claudioDetails(@PathParam("jobId") long jobId) {
        return answer.done(JobResource.path(jobId), tracking.fetchDetails(jobId), Words.of(JobMessages.class).trk_details_below());
    }

    /** Opens a transcript through a fresh link (Claudio's links expire). Staff only: auditors never see content. */
    @GET
    @Path("transcripts/{index}")
    @Audited(value = "job.transcript-opened", target = "job", id = "jobId")
    public Response transcript(@PathParam("jobId") long jobId, @PathParam("index") int index) {
        return open(jobId, tracking.open(jobId, false, index));
    }

    @GET
    @Path("media/{index}")
    @Audited(value = "job.media-opened", target = "job", id = "jobId")
    public Response media(@PathParam("jobId") long jobId, @PathParam("index") int index) {
        return open(jobId, tracking.open(jobId, true, index));
    }

    private Response open(long jobId, Result<String> link) {
        if (!link.ok()) {
            return answer.done(JobResource.path(jobId), link, null);
        }
        return Response.seeOther(URI.create(link.value())).header("Referrer-Policy", "no-referrer").build();
    }
}
