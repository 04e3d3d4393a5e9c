package com.claudioportal.infra;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The Claudio sandbox of the test run: one {@link SandboxServer} per test JVM, started before
 * Quarkus boots (a JUnit launcher listener, registered in META-INF/services, like the database).
 * Its address and control token are published as system properties, so every test, whichever
 * class loader Quarkus gave it, reaches the same sandbox through {@link #control()}.
 */
public class TestSandbox implements LauncherSessionListener {

    static final String URL = "test.sandbox.url";
    static final String TOKEN = "test.sandbox.control-token";

    private static SandboxServer server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (server == null && System.getProperty(URL) == null) {
            server = SandboxServer.start();
            System.setProperty(URL, server.url());
            System.setProperty(TOKEN, server.control().token());
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.close();
            server = null;
            System.clearProperty(URL);
            System.clearProperty(TOKEN);
        }
    }

    /** The control API of the run's sandbox. */
    public static SandboxControl control() {
        String url = System.getProperty(URL);
        if (url == null) {
            throw new IllegalStateException("No test sandbox: com.claudioportal.infra.TestSandbox is not registered as a JUnit launcher listener");
        }
        return new SandboxControl(url, System.getProperty(TOKEN));
    }
}
