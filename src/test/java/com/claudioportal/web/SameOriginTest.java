package com.claudioportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void originsCompareWithoutDefaultPortsAndCase() {
        assertEquals("https://portal.example", SameOrigin.normalize("https://Portal.Example:443"));
        assertEquals("http://localhost:8080", SameOrigin.normalize("http://localhost:8080/"));
        assertEquals("http://localhost", SameOrigin.normalize("http://localhost:80"));
        assertNull(SameOrigin.normalize("null"));
        assertNull(SameOrigin.normalize("portal.example"));
        assertNull(SameOrigin.normalize("https://exa mple"));
    }
}
