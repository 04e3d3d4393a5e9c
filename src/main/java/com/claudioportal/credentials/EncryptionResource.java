package com.claudioportal.credentials;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.claudioportal.audit.Audited;
import com.claudioportal.audit.AuditRequest;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.forms.Flash;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The platform administrator sees which master key seals the stored secrets and re-encrypts after a rotation. */
@Path("/platform/encryption")
@RolesAllowed(CurrentUser.PLATFORM_ADMIN_ROLE)
@Produces(MediaType.TEXT_HTML)
public class EncryptionResource {

    @CheckedTemplate(basePath = "credentials")
    static class Templates {
        static native TemplateInstance encryption(String activeKey, List<String> keys, long pending);
    }

    @Inject
    SecretBox box;

    @Inject
    SecretRotation rotation;

    @Inject
    Flash flash;

    @Inject
    AuditRequest audit;

    @GET
    public TemplateInstance status() {
        return Templates.encryption(box.activeKeyId(), List.copyOf(box.keyIds()), rotation.pending());
    }

    @POST
    @Path("reencrypt")
    @Audited(value = "encryption.reencrypted", target = "encryption")
    public Response reencrypt() {
        int changed = rotation.reencryptAll();
        audit.detail("tenants", changed);
        audit.detail("activeKey", box.activeKeyId());
        AdminMessages words = Words.of(AdminMessages.class);
        flash.success(changed == 0 ? words.enc_nothing_to_do() : words.enc_done(changed, box.activeKeyId()));
        return Response.seeOther(URI.create("/platform/encryption")).build();
    }
}
