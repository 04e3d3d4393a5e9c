package com.claudioportal.job;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.ext.web.RoutingContext;

/**
 * Lets the pages marked {@link MicrophoneAllowed} use the microphone, for their own origin only.
 * The rest of the policy stays as configured for every page
 * ({@code quarkus.http.header."Permissions-Policy"}). That header is put on the Vert.x response
 * before the request reaches the resource, and some answers (a form sent back with a 400) add the
 * JAX-RS headers to it instead of replacing them; so the header is replaced there, on the Vert.x
 * response, and the page gets exactly one policy.
 */
@Provider
@MicrophoneAllowed
public class MicrophonePolicy implements ContainerResponseFilter {

    static final String HEADER = "Permissions-Policy";

    private final String policy;

    @Inject
    RoutingContext routing;

    public MicrophonePolicy() {
        String everywhere = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.header.\"" + HEADER + "\".value", String.class).orElse("");
        this.policy = allowMicrophone(everywhere);
    }

    /** The configured policy with {@code microphone=(self)} in place of whatever it says about the microphone. */
    static String allowMicrophone(String policy) {
        StringBuilder out = new StringBuilder();
        for (String part : policy.split(",")) {
            String p = part.trim();
            if (!p.isEmpty() && !p.startsWith("microphone=")) {
                out.append(out.isEmpty() ? "" : ", ").append(p);
            }
        }
        return out.append(out.isEmpty() ? "" : ", ").append("microphone=(self)").toString();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().remove(HEADER);
        routing.response().headers().set(HEADER, policy);
    }
}
