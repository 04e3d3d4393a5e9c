package com.claudioportal.audit;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Auditors and tenant admins read the tenant's audit log and check that it is intact. */
@Path("/t/{tenant}/audit")
@Authenticated
@TenantRoles(TenantRole.AUDITOR)
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance log(List<AuditEvent> events, Long nextBefore, AuditTrail.ChainCheck chain, String problem);
    }

    @Inject
    AuditTrail trail;

    /** Newest first, {@value #PAGE_SIZE} at a time; {@code before} is the last sequence number seen. */
    @GET
    public TemplateInstance log(@QueryParam("before") String beforeText) {
        // a hand-written ?before= (letters, 20 digits) gives the newest entries with a word, not an error page
        Long before = null;
        String problem = null;
        if (beforeText != null && !beforeText.isBlank()) {
            try {
                before = Long.parseLong(beforeText.strip());
            } catch (NumberFormatException e) {
                problem = "The link to older entries was not understood, so the log starts with the newest.";
            }
        }
        List<AuditEvent> events = before == null
                ? AuditEvent.find("order by seq desc").page(0, PAGE_SIZE + 1).list()
                : AuditEvent.find("seq < ?1 order by seq desc", before).page(0, PAGE_SIZE + 1).list();
        Long next = null;
        if (events.size() > PAGE_SIZE) {
            events = events.subList(0, PAGE_SIZE);
            next = events.get(PAGE_SIZE - 1).seq;
        }
        return Templates.log(events, next, trail.verify(), problem);
    }
}
