package com.claudioportal.forms;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.HttpServer;

/**
 * The address people and Claudio reach the portal at, for links that leave the portal (webhook
 * addresses). {@code PORTAL_PUBLIC_URL} in production; otherwise
 * http://localhost on the port the server actually listens on (tests use a random one).
 */
@ApplicationScoped
public class PortalUrls {

    @ConfigProperty(name = "portal.public-url")
    Optional<String> configured;

    @Inject
    Instance<HttpServer> httpServer;

    public String publicUrl() {
        String url = configured.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(() -> "http://localhost:" + port());
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    private int port() {
        if (httpServer.isResolvable()) {
            int port = httpServer.get().getPort();
            if (port > 0) {
                return port;
            }
        }
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
    }
}
