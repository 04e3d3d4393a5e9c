package com.claudioportal.upload;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;

import io.quarkus.security.Authenticated;

/**
 * Files for a job, uploaded one at a time from the submit page (which shows a progress bar per
 * file) before the job itself is submitted. Answers JSON for the page's script.
 */
@Path("/t/{tenant}/uploads")
@Authenticated
@TenantRoles(TenantRole.STAFF)
public class UploadResource {

    @Inject
    UploadService uploads;

    @Inject
    UploadStorage storage;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("kind") String kind, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return Response.status(400).entity(Map.of("error", "No file was received. Choose a file and try again.")).build();
        }
        UploadKind uploadKind = "DOCUMENT".equalsIgnoreCase(kind) ? UploadKind.DOCUMENT : UploadKind.AUDIO;
        UploadService.Received received = uploads.receive(file.uploadedFile(), file.fileName(), uploadKind);
        if (!received.ok()) {
            return Response.status(received.status()).entity(Map.of("error", received.problem())).build();
        }
        return Response.ok(describe(received.upload())).build();
    }

    @POST
    @Path("{uploadId}/delete")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> delete(@PathParam("uploadId") UUID uploadId) {
        uploads.discard(uploadId);
        return Map.of("deleted", uploadId.toString());
    }

    /** Streams a recording back to the page's audio player (with range requests, for seeking). */
    @GET
    @Path("{uploadId}/media")
    public Response media(@PathParam("uploadId") UUID uploadId, @jakarta.ws.rs.HeaderParam("Range") String range) {
        Upload upload = UploadService.find(uploadId);
        if (upload.kind != UploadKind.AUDIO || upload.storedPath == null) {
            throw new NotFoundException();
        }
        java.nio.file.Path file = storage.resolve(upload.storedPath);
        if (!Files.exists(file)) {
            throw new NotFoundException();
        }
        // the file writer answers the range; the status must say so, or browsers will not seek
        return Response.status(range == null ? 200 : 206).entity(file.toFile()).type(upload.contentType)
                .header("Accept-Ranges", "bytes")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "inline")
                .build();
    }

    static Map<String, Object> describe(Upload u) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", u.id.toString());
        json.put("kind", u.kind.name());
        json.put("filename", u.originalFilename);
        json.put("size", u.sizeBytes);
        json.put("sizeText", u.sizeText());
        json.put("contentType", u.contentType);
        json.put("durationSeconds", u.durationSeconds);
        return json;
    }
}
