package com.claudioportal.credentials;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which Claudio base URLs a tenant admin may enter. */
@ConfigMapping(prefix = "portal.connection")
public interface ConnectionPolicyConfig {

    /** Require https (env {@code PORTAL_CONNECTION_REQUIRE_HTTPS}); off only in the demo and tests. */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Hosts and ports allowed even though they resolve to the portal's own network (loopback,
     * link-local, private ranges, cloud metadata), e.g. an on-premises Claudio: {@code host:port},
     * {@code [v6]:port}, a bare host for the scheme's default port, {@code host:*} for any port
     * (tests) (env {@code PORTAL_CONNECTION_ALLOWED_PRIVATE_HOSTS}, comma-separated; see {@link AllowedHosts}).
     */
    Optional<List<String>> allowedPrivateHosts();
}
