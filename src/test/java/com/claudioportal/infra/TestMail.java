package com.claudioportal.infra;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * The test run's SMTP server: one {@link MailServer} (GreenMail) per test JVM, started before
 * Quarkus boots like the database and the sandbox ({@link TestRunServers}); the portal sends to it over real SMTP. Tests
 * read what arrived for an address over IMAP ({@link #inbox}), whichever class loader runs them.
 */
public class TestMail extends TestRunServers {

    static final String IMAP_PORT = "test.mail.imap-port";

    /** A received mail, as a person's mail client would show it. */
    public record Received(String to, String subject, String text, String html, String messageId) {
        /** Everything a reader could see: subject and both bodies. */
        public String all() {
            return subject + "\n" + text + "\n" + html;
        }
    }

    public TestMail() {
        super(new Server<MailServer>(IMAP_PORT, () -> MailServer.start(null), server -> Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.smtpPort()),
                "portal.mail.host", "127.0.0.1",
                IMAP_PORT, String.valueOf(server.imapPort()))));
    }

    /** The mails {@code address} has received so far. */
    public static List<Received> inbox(String address) {
        String port = System.getProperty(IMAP_PORT);
        if (port == null) {
            throw new IllegalStateException("No test mail server: " + TestMail.class.getName() + " is not registered as a JUnit launcher listener");
        }
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", port);
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("127.0.0.1", Integer.parseInt(port), address, "any");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Received> mails = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    String[] bodies = new String[2];
                    collect(m, bodies);
                    String[] ids = m.getHeader("Message-ID");
                    mails.add(new Received(address, m.getSubject(), bodies[0], bodies[1], ids == null ? null : ids[0]));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read the test mailbox of " + address, e);
        }
    }

    /** Waits until {@code address} has at least {@code count} mails; returns them. */
    public static List<Received> await(String address, int count, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        List<Received> mails = inbox(address);
        while (mails.size() < count && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            mails = inbox(address);
        }
        return mails;
    }

    private static void collect(Part p, String[] bodies) throws MessagingException, IOException {
        if (p.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = String.valueOf(p.getContent());
        } else if (p.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = String.valueOf(p.getContent());
        } else if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), bodies);
            }
        }
    }
}
