package com.claudioportal.upload;

import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A recording from the object store for the page's audio player: one byte range (RFC 9110
 * §14), streamed from S3's own ranged read, so seeking works and nothing is held in memory.
 * (A local store is served by the file writer, which does this itself.)
 */
final class MediaRange {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private MediaRange() {
    }

    static Response stream(UploadStorage storage, String key, String contentType, String rangeHeader) {
        long size = storage.size(key);
        if (size < 0) {
            throw new NotFoundException();
        }
        long from = 0;
        long to = size - 1;
        boolean partial = false;
        if (rangeHeader != null) {
            Matcher m = SINGLE.matcher(rangeHeader.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                try {
                    if (m.group(1).isEmpty()) { // the last n bytes
                        from = Math.max(0, size - Long.parseLong(m.group(2)));
                    } else {
                        from = Long.parseLong(m.group(1));
                        to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                    }
                    partial = true;
                } catch (NumberFormatException tooLong) {
                    partial = false;
                }
                if (partial && (from > to || from >= size)) {
                    return Response.status(416).header("Content-Range", "bytes */" + size).build();
                }
            }
            // several ranges or another unit: the whole file, as RFC 9110 allows
        }
        long first = from;
        long last = to;
        StreamingOutput body = out -> {
            try (InputStream in = storage.open(key, first, last)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder r = Response.status(partial ? 206 : 200).entity(body).type(contentType)
                .header("Content-Length", Long.toString(last - first + 1))
                .header("Accept-Ranges", "bytes")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "inline");
        if (partial) {
            r.header("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        return r.build();
    }
}
