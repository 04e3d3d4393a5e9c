package com.claudioportal.tenant;

import java.util.Set;

/**
 * Who is signed in, as memberships see them: the identity provider's stable id of the person
 * ({@code issuer} + {@code subject}, which never changes), the verified e-mail address (which can,
 * and which only invites), the display name and the organizations the provider names.
 */
public record Person(String issuer, String subject, String email, String displayName, Set<String> organizations) {

    public Person {
        organizations = organizations == null ? Set.of() : Set.copyOf(organizations);
    }
}
