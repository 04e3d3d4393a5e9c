package com.claudioportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Every answer names its request with an id of its own, the one the audit events of that request carry. */
@QuarkusTest
class RequestIdsTest {

    @Test
    void everyRequestGetsADistinctSixteenHexDigitId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String id = RestAssured.given().redirects().follow(false).get("/").then().extract().header(RequestIds.HEADER);
            assertTrue(id != null && id.matches("[0-9a-f]{16}"), "an id of 16 hex digits: " + id);
            ids.add(id);
        }
        assertEquals(50, ids.size(), "no two requests share an id");
    }
}
