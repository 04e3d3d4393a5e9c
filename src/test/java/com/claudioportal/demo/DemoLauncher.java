package com.claudioportal.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./mvnw -Pdemo}: starts the whole portal on this machine with nothing installed by hand
 * and prints the demo sign-ins. Stops everything on Ctrl+C.
 */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant started = Instant.now();
        System.out.println("Starting Claudio Portal demo: embedded PostgreSQL, Keycloak (first start takes about a minute), Claudio sandbox, portal ...");
        DemoStack stack = DemoStack.start(DemoStack.Settings.fromSystemProperties(true, ProcessBuilder.Redirect.INHERIT));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        Duration took = Duration.between(started, Instant.now());
        System.out.printf("""

                ==============================================================================
                 Claudio Portal is running:  %s      (ready in %d s)
                 Keycloak (sign-in):         %s
                 Claudio sandbox:            %s/claudio/<tenant>
                 Mails the portal sent:      %s/*.eml  (or IMAP on 127.0.0.1:%d, any user name and password)
                 Every demo password is:     demo

                   platform@claudio.test   platform admin: creates and disables tenants
                   admin@maple.test        Maple Clinic tenant admin
                   staff@maple.test        Maple Clinic staff
                   auditor@maple.test      Maple Clinic auditor
                   nurse@maple.test        Maple Clinic staff through the Keycloak organization
                   admin@harbour.test      Harbour IME tenant admin (also staff@, auditor@)
                   locum@claudio.test      staff at Maple Clinic, auditor at Harbour IME

                 Data is kept in .demo/ between runs (delete it to start afresh). Ctrl+C stops.
                ==============================================================================
                %n""", stack.portal().baseUrl(), took.toSeconds(), stack.keycloak().realmUrl(), stack.sandbox().url(),
                stack.settings().mailDirectory(), stack.mail().imapPort());
        stack.portal().process().waitFor();
    }
}
