package com.claudioportal.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The addresses the sandbox hands out: account base URLs ({@code <public-url>/claudio/<slug>}),
 * upload references and download links. The public URL may carry a path (behind a proxy that
 * strips it); the sandbox itself always serves {@code /claudio/…}.
 */
final class SandboxUrls {

    static final String MOUNT = "/claudio";

    private final String publicUrl;
    private final String publicPath;

    SandboxUrls(String publicUrl) {
        String url = publicUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.publicUrl = url;
        String path = URI.create(url).getRawPath();
        this.publicPath = path == null ? "" : path;
    }

    String publicUrl() {
        return publicUrl;
    }

    String baseUrl(String slug) {
        return publicUrl + MOUNT + "/" + slug;
    }

    /** The path part of a base URL, as a caller sees it (the older style's host-relative poll endpoint). */
    String basePath(String slug) {
        return publicPath + MOUNT + "/" + slug;
    }

    String uploadUrl(String slug, String fileId, String filename) {
        return baseUrl(slug) + "/uploads/" + fileId + "/" + encode(filename);
    }

    String downloadUrl(String slug, String token, String filename) {
        return baseUrl(slug) + "/files/" + token + "/" + encode(filename);
    }

    /**
     * The id of the file an upload URL names, when it is one of this account's upload URLs (any
     * host: callers may know the sandbox under another name than its public URL).
     */
    static Optional<String> uploadedFileId(String slug, String location) {
        if (location == null) {
            return Optional.empty();
        }
        try {
            String path = URI.create(location.strip()).getPath();
            String marker = MOUNT + "/" + slug + "/uploads/";
            int at = path == null ? -1 : path.indexOf(marker);
            if (at < 0) {
                return Optional.empty();
            }
            String rest = path.substring(at + marker.length());
            int slash = rest.indexOf('/');
            String id = slash < 0 ? rest : rest.substring(0, slash);
            return id.matches("[0-9a-f-]{36}") ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String encode(String filename) {
        return URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Scheme, host and port of a URL: all that logs and views show of a webhook address. */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return "none";
        }
        try {
            URI uri = URI.create(url.strip());
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(malformed)";
        }
    }
}
