package com.claudioportal.upload;

import java.nio.file.Files;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


import com.claudioportal.forms.Result;
import com.claudioportal.forms.Words;
import com.claudioportal.audit.Audited;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.web.JobMessages;

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

    /**
     * The file is the request body, its name the {@code X-File-Name} header (URL-encoded). A raw
     * body streams to disk at several times the speed of a multipart one, and it is read only
     * after the tenant and role checks have passed. The CSRF token comes in the X-CSRF-TOKEN header
     * (so the CSRF filter does not read the body); only {@code application/octet-stream} bodies are taken.
     */
    @POST
    @Audited(value = "upload.received", target = "upload")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("kind") String kind, @HeaderParam("X-File-Name") String encodedName,
            @HeaderParam("Content-Length") Long length, @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        // checked here, after the tenant and role checks, so that a wrong caller hears 403/404 first
        String type = request.getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_OCTET_STREAM)) {
            return Response.status(415).entity(Map.of("error", Words.of(JobMessages.class).up_file_as_body())).build();
        }
        UploadKind uploadKind = UploadKind.parse(kind);
        if (uploadKind == null) {
            return Response.status(400).entity(Map.of("error", Words.of(JobMessages.class).up_which_kind())).build();
        }
        String name;
        try {
            name = encodedName == null ? "" : URLDecoder.decode(encodedName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not the page's encoding: the name is only shown, so the raw header will do
            name = encodedName;
        }
        Result<Upload> received = uploads.receive(request, length, name, uploadKind);
        if (!received.ok()) {
            return Response.status(status(UploadService.Refusal.of(received))).entity(Map.of("error", received.problem())).build();
        }
        if (request.response().closed()) {
            // the page cancelled the upload while it was being checked: nobody will ever know its id
            uploads.discard(received.value().id);
            return Response.status(409).entity(Map.of("error", Words.of(JobMessages.class).up_cancelled())).build();
        }
        return Response.ok(describe(received.value())).build();
    }

    /** The HTTP status of each refusal: the page's upload script reads the message, clients the status. */
    private static int status(UploadService.Refusal refusal) {
        return switch (refusal) {
            case NO_LENGTH -> 411;
            case INCOMPLETE -> 400;
            case BUSY -> 429;
            case QUOTA -> 507;
            case TOO_SLOW -> 408;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
        };
    }

    @POST
    @Path("{uploadId}/delete")
    @Audited(value = "upload.discarded", target = "upload", id = "uploadId")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> delete(@PathParam("uploadId") UUID uploadId) {
        uploads.discard(uploadId);
        return Map.of("deleted", uploadId.toString());
    }

    /** Streams a recording back to the page's audio player (with range requests, for seeking). */
    @GET
    @Path("{uploadId}/media")
    @Audited(value = "job.recording-played", target = "upload", id = "uploadId", coalesce = true)
    public Response media(@PathParam("uploadId") UUID uploadId, @jakarta.ws.rs.HeaderParam("Range") String range) {
        Upload upload = UploadService.find(uploadId);
        if (upload.kind != UploadKind.AUDIO || upload.storedPath == null) {
            throw new NotFoundException();
        }
        java.nio.file.Path file = storage.localFile(upload.storedPath);
        if (file == null) {
            return MediaRange.stream(storage, upload.storedPath, upload.contentType, range);
        }
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
        json.put("silenceRatio", u.silenceRatio);
        json.put("soundNote", u.soundNote());
        return json;
    }
}
