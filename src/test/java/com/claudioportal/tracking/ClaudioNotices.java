package com.claudioportal.tracking;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Claudio's side of a tenant's webhook: notices posted to its address as Claudio posts them (JSON). */
final class ClaudioNotices {

    private ClaudioNotices() {
    }

    /** Posts {@code body} to the webhook address {@code token}; the portal's answer. */
    static Response post(String token, String body) {
        return RestAssured.given().contentType("application/json").body(body).post("/webhooks/claudio/" + token);
    }

    /** A notice that Claudio's job {@code reference} changed: the status the portal answers it with. */
    static int notice(String token, String reference) {
        return post(token, about(reference)).statusCode();
    }

    /** The body of a notice about Claudio's job {@code reference}. */
    static String about(String reference) {
        return "{\"job_reference_id\":\"" + reference + "\"}";
    }
}
