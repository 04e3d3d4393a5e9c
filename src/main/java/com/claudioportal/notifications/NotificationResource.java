package com.claudioportal.notifications;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.claudioportal.audit.AuditExempt;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobResource;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.web.SeeOther;

import io.quarkus.panache.common.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The person's notifications in the active tenant: the page (newest first, unread marked), the
 * bell (a fragment htmx refreshes), mark one or all read. Each person sees only their own.
 */
@Path("/t/{tenant}/notifications")
@Authenticated
@TenantRoles({ TenantRole.STAFF, TenantRole.AUDITOR })
@Produces(MediaType.TEXT_HTML)
public class NotificationResource {

    static final int PAGE_SIZE = 50;

    /** Why marking read is not audited (the three routes that do it). */
    private static final String MARKS_READ = "marks the person's own notifications read; the job it opens is audited by the job page";

    /** A line of the page; {@code jobName} only for people who may see content. */
    public record Line(Notification notification, String jobName, boolean contentErased) {
    }

    @CheckedTemplate(basePath = "notifications")
    static class Templates {
        static native TemplateInstance inbox(List<Line> lines, long unread, int page, boolean more);

        static native TemplateInstance bell();
    }

    @Inject
    CurrentUser user;

    @Inject
    TenantContext tenant;

    @Inject
    SeeOther answer;

    @GET
    @Transactional
    public TemplateInstance inbox(@QueryParam("page") int page) {
        int p = Math.max(0, page);
        List<Notification> found = Notification.find("recipient = ?1 order by createdAt desc, id desc", user.email())
                .page(Page.of(p, PAGE_SIZE + 1)).list();
        boolean more = found.size() > PAGE_SIZE;
        List<Notification> shown = more ? found.subList(0, PAGE_SIZE) : found;
        Map<Long, Job> jobs = new HashMap<>();
        List<Long> ids = shown.stream().map(n -> n.jobId).distinct().toList();
        if (!ids.isEmpty()) {
            Job.<Job> list("id in ?1", ids).forEach(j -> jobs.put(j.id, j));
        }
        boolean content = tenant.can(TenantRole.STAFF);
        List<Line> lines = shown.stream().map(n -> {
            Job j = jobs.get(n.jobId);
            return new Line(n, content && j != null && !j.isContentErased() ? j.name : null, j != null && j.isContentErased());
        }).toList();
        return Templates.inbox(lines, unread(), p, more);
    }

    /** The bell alone, for htmx to swap in. */
    @GET
    @Path("bell")
    public TemplateInstance bell() {
        return Templates.bell();
    }

    /** Marks one read and opens its job. */
    @POST
    @Path("{notificationId}/open")
    @AuditExempt(MARKS_READ)
    @Transactional
    public Response open(@PathParam("notificationId") long notificationId) {
        return answer.to(JobResource.path(markRead(notificationId).jobId));
    }

    @POST
    @Path("{notificationId}/read")
    @AuditExempt(MARKS_READ)
    @Transactional
    public Response read(@PathParam("notificationId") long notificationId) {
        markRead(notificationId);
        return back();
    }

    @POST
    @Path("read-all")
    @AuditExempt(MARKS_READ)
    @Transactional
    public Response readAll() {
        Notification.update("readAt = ?1 where recipient = ?2 and readAt is null", Instant.now(), user.email());
        return back();
    }

    /** One of the person's own notifications, now read. */
    private Notification markRead(long id) {
        Notification n = mine(id);
        if (n.readAt == null) {
            n.readAt = Instant.now();
        }
        return n;
    }

    private Notification mine(long id) {
        Notification n = Notification.findById(id);
        if (n == null || !n.recipient.equals(user.email())) {
            throw new NotFoundException();
        }
        return n;
    }

    private long unread() {
        return Notification.count("recipient = ?1 and readAt is null", user.email());
    }

    private Response back() {
        return Response.fromResponse(answer.to("/notifications")).header("HX-Trigger", "portal-notifications").build();
    }
}
