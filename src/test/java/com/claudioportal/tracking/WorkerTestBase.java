package com.claudioportal.tracking;

import jakarta.inject.Inject;

import com.claudioportal.infra.ClaudioTenants;
import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.infra.TestSandbox;
import com.claudioportal.job.Job;

/**
 * What a test of the worker against the sandbox starts from: besides a tenant test's fixtures and
 * scope, tenants wired to the sandbox and their jobs ({@link ClaudioTenants}), the worker to run by
 * hand, the sandbox's own account of what it received, and the engine's test kit. Every such test
 * needs them, so they are declared here once.
 */
abstract class WorkerTestBase extends TenantTestBase {

    @Inject
    protected ClaudioTenants claudio;

    @Inject
    protected JobWorker worker;

    @Inject
    protected EngineKit kit;

    protected final SandboxControl sandbox = TestSandbox.control();

    protected Job job(String tenant, long id) {
        return kit.job(tenant, id);
    }
}
