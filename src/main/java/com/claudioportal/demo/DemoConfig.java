package com.claudioportal.demo;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo run's sample data, and the separate Claudio sandbox its tenants use. */
@ConfigMapping(prefix = "portal.demo")
public interface DemoConfig {

    /** Create the demo tenants and members on an empty database (on in the demo profile only). */
    @WithDefault("false")
    boolean seed();

    /**
     * Where the portal reaches the Claudio sandbox (its own process, docs/claudio.md); the demo
     * tenants' Claudio base URLs are {@code <sandbox-url>/claudio/<tenant>}.
     */
    @WithDefault("http://localhost:8090")
    String sandboxUrl();

    /** The sandbox's control token, to create the demo accounts and point their webhooks at the portal. */
    Optional<String> sandboxControlToken();

    /** Where the sandbox reaches the portal's webhook addresses; default the portal's public URL. */
    Optional<String> webhookBaseUrl();
}
