package com.claudioportal.infra;

import java.util.Map;

/**
 * The Claudio sandbox of the test run: one {@link SandboxServer} per test JVM, started before
 * Quarkus boots (like the database, see {@link TestRunServers}). Its address and control token are
 * published as system properties, so every test, whichever class loader Quarkus gave it, reaches
 * the same sandbox through {@link #control()}.
 */
public class TestSandbox extends TestRunServers {

    static final String URL = "test.sandbox.url";
    static final String TOKEN = "test.sandbox.control-token";

    public TestSandbox() {
        super(new Server<SandboxServer>(URL, SandboxServer::start, server -> Map.of(URL, server.url(), TOKEN, server.control().token())));
    }

    /** The control API of the run's sandbox. */
    public static SandboxControl control() {
        String url = System.getProperty(URL);
        if (url == null) {
            throw new IllegalStateException("No test sandbox: " + TestSandbox.class.getName() + " is not registered as a JUnit launcher listener");
        }
        return new SandboxControl(url, System.getProperty(TOKEN));
    }
}
