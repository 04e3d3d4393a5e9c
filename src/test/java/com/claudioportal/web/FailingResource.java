package com.claudioportal.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only: a page that fails, to see what people get when something goes wrong. */
@Path("/test-only/failure")
@PermitAll
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("database password is hunter2 at com.claudioportal.Secret");
    }
}
