package com.claudioportal.sandbox;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar claudio-sandbox.jar}: reads the options (environment and {@code --options}),
 * starts the sandbox, prints {@code Claudio sandbox listening on <url>} when it is ready and runs
 * until stopped (SIGTERM/Ctrl+C write its state first, when it has a state directory).
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) {
        if (SandboxOptions.helpRequested(args)) {
            System.out.print(SandboxOptions.usage());
            return;
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s [%3$s] %5$s%6$s%n");
        }
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("claudio-sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        ClaudioSandbox sandbox;
        try {
            sandbox = ClaudioSandbox.start(options);
        } catch (RuntimeException e) {
            Logger.getLogger(SandboxMain.class.getName()).log(Level.SEVERE, "The Claudio sandbox could not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "claudio-sandbox-shutdown"));
        System.out.println("Claudio sandbox listening on " + sandbox.url());
        System.out.flush();
    }
}
