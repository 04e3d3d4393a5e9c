package com.claudioportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

class OrganizationClaimTest {

    @Test
    void listOfAliases() {
        assertEquals(Set.of("maple-clinic", "harbour-ime"),
                OrganizationClaim.aliases(Json.createReader(new StringReader("[\"maple-clinic\", \"Harbour-IME\"]")).readArray()));
    }

    @Test
    void mapKeyedByAlias() {
        assertEquals(Set.of("maple-clinic"), OrganizationClaim.aliases(Json.createReader(
                new StringReader("{\"maple-clinic\": {\"id\": \"4f1e\", \"attributes\": {}}}")).readObject()));
    }

    @Test
    void plainJavaShapesAndSingleString() {
        assertEquals(Set.of("a", "b"), OrganizationClaim.aliases(List.of("a", " B ")));
        assertEquals(Set.of("a"), OrganizationClaim.aliases(Map.of("a", Map.of("id", "1"))));
        assertEquals(Set.of("solo"), OrganizationClaim.aliases("solo"));
    }

    @Test
    void missingOrEmptyClaimMeansNoOrganizations() {
        assertEquals(Set.of(), OrganizationClaim.aliases(null));
        assertEquals(Set.of(), OrganizationClaim.aliases(List.of("", "  ")));
    }
}
