package com.claudioportal.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Servers the whole test run shares: started once per test JVM when the JUnit launcher session
 * opens, before Quarkus boots, and published as system properties, which a test reads whichever
 * class loader Quarkus gave it; closed, and their properties cleared, when the session closes. A
 * server whose {@code marker} property is already set (by another run's listener, or on the
 * command line) is not started. The subclasses are registered in META-INF/services.
 */
public abstract class TestRunServers implements LauncherSessionListener {

    /** How to start a server and the system properties that point at it. */
    protected record Server<S extends AutoCloseable>(String marker, Supplier<S> start, Function<S, Map<String, String>> properties) {
    }

    private record Running(AutoCloseable server, Set<String> properties) {
    }

    private final List<Server<?>> servers;
    private final List<Running> running = new ArrayList<>();

    protected TestRunServers(Server<?>... servers) {
        this.servers = List.of(servers);
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        servers.forEach(this::start);
    }

    private <S extends AutoCloseable> void start(Server<S> server) {
        if (System.getProperty(server.marker()) == null) {
            S started = server.start().get();
            Map<String, String> properties = server.properties().apply(started);
            properties.forEach(System::setProperty);
            running.add(new Running(started, properties.keySet()));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        for (Running r : running) {
            try {
                r.server().close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop " + r.server(), e);
            }
            r.properties().forEach(System::clearProperty);
        }
        running.clear();
    }
}
