package com.claudioportal.job;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.SignedInAs;
import com.claudioportal.infra.WebClient;
import com.claudioportal.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The microphone is allowed on the new-job form (dictation) and nowhere else. */
@QuarkusTest
@SignedInAs(MicrophonePolicyTest.STAFF)
class MicrophonePolicyTest extends TenantTestBase {

    static final String STAFF = "staff@microphone.test";

    String tenant;
    long profile;

    @BeforeEach
    void tenant() {
        tenant = fixtures.tenantWithMember("Microphone Clinic", STAFF, TenantRole.STAFF);
        profile = fixtures.seedProfile(tenant);
    }

    @Test
    void theNewJobFormMayUseTheMicrophoneOnceItIsBackWithProblemsToo() {
        Response form = given().get("/t/" + tenant + "/jobs/new?profile=" + profile);
        assertEquals(200, form.statusCode());
        assertEquals(List.of("camera=(), geolocation=(), microphone=(self)"), form.headers().getValues("Permissions-Policy"));

        // the same form sent back with problems (no recording) is still the form
        String version = form.htmlPath().getString("**.find { it.@name == 'profileVersionId' }.@value");
        Response problems = WebClient.form("/t/" + tenant + "/jobs").formParam("profileVersionId", version)
                .formParam("submissionKey", java.util.UUID.randomUUID().toString()).formParam("jobName", "No recording")
                .post("/t/" + tenant + "/jobs/new");
        assertEquals(400, problems.statusCode());
        assertEquals(List.of("camera=(), geolocation=(), microphone=(self)"), problems.headers().getValues("Permissions-Policy"));
    }

    @Test
    void everyOtherPageKeepsTheMicrophoneOff() {
        for (String path : List.of("/t/" + tenant + "/jobs", "/t/" + tenant, "/t/" + tenant + "/jobs/bulk?profile=" + profile, "/")) {
            Response page = given().redirects().follow(false).get(path);
            assertEquals(200, page.statusCode(), path);
            assertEquals(List.of("camera=(), geolocation=(), microphone=()"), page.headers().getValues("Permissions-Policy"), path);
        }
    }

    @Test
    void theRestOfTheConfiguredPolicyIsKept() {
        assertEquals("camera=(), geolocation=(), microphone=(self)", MicrophonePolicy.allowMicrophone("camera=(), geolocation=(), microphone=()"));
        assertEquals("camera=(), microphone=(self)", MicrophonePolicy.allowMicrophone("microphone=(), camera=()"));
        assertEquals("microphone=(self)", MicrophonePolicy.allowMicrophone(""));
    }
}
