package com.claudioportal.web;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer of the portal's pages (tenant data, health information, error pages, downloads)
 * tells browsers and proxies not to keep a copy: a shared computer's back button or cache must
 * not show a patient's job to the next person. Static assets (css, js, images, webjars) are not
 * served by resources and stay cacheable. A resource that sets its own Cache-Control keeps it.
 */
public class NoStore {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
