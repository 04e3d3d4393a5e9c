package com.claudioportal.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo run's sample data. */
@ConfigMapping(prefix = "portal.demo")
public interface DemoConfig {

    /** Create the demo tenants and members on an empty database (on in the demo profile only). */
    @WithDefault("false")
    boolean seed();
}
