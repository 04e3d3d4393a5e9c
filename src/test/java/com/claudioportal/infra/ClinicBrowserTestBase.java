package com.claudioportal.infra;

import jakarta.inject.Inject;

/**
 * What the job pages' browser tests start from: a clinic wired to its own account in the run's Claudio
 * sandbox ({@link #clinic}), and one of its staff signed in on {@link #page}.
 */
public abstract class ClinicBrowserTestBase extends BrowserTestBase {

    @Inject
    protected ClaudioTenants claudio;

    protected ClaudioTenants.Wired clinic;

    /** A new clinic named {@code name} whose fresh staff member, with a preset for {@code doctor}, is signed in on {@link #page}. */
    protected void signInAsStaffOf(String name, String doctor) {
        clinic = claudio.tenant(name, Fixtures.email("admin"));
        signIn(claudio.staffWithPreset(clinic, doctor));
    }
}
