package com.claudioportal.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import com.claudioportal.forms.PortalUrls;

/** The addresses the sandbox hands out: account base URLs, upload references, download links. */
@ApplicationScoped
public class SandboxUrls {

    @Inject
    SandboxConfig config;

    @Inject
    PortalUrls portalUrls;

    /** The sandbox's mount path, with a leading and without a trailing slash. */
    String mountPath() {
        String p = config.path().strip();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    /** {@code portal.sandbox.public-url}, or the portal's own public address (the sandbox lives inside it). */
    String publicUrl() {
        String url = config.publicUrl().map(String::strip).filter(x -> !x.isEmpty()).orElseGet(portalUrls::publicUrl);
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    String baseUrl(String slug) {
        return publicUrl() + mountPath() + "/" + slug;
    }

    /** The path part of a base URL, as the sandbox's routes see it. */
    String basePath(String slug) {
        return mountPath() + "/" + slug;
    }

    String uploadUrl(String slug, String fileId, String filename) {
        return baseUrl(slug) + "/uploads/" + fileId + "/" + encode(filename);
    }

    String downloadUrl(String slug, String token, String filename) {
        return baseUrl(slug) + "/files/" + token + "/" + encode(filename);
    }

    /**
     * The id of the file an upload URL names, when it is one of this account's upload URLs (any
     * host: behind a proxy the portal may know itself under another name).
     */
    Optional<String> uploadedFileId(String slug, String location) {
        if (location == null) {
            return Optional.empty();
        }
        try {
            String path = URI.create(location.strip()).getPath();
            String prefix = basePath(slug) + "/uploads/";
            if (path == null || !path.startsWith(prefix)) {
                return Optional.empty();
            }
            String rest = path.substring(prefix.length());
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

    /** Scheme, host and port of a URL; what logs and toString may show of a webhook address. */
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
