package com.claudioportal.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in-process (GreenMail): the portal sends to it over SMTP like to any relay.
 * What it receives can be read over IMAP (any user name, no password check) or, in the demo,
 * as .eml files it writes to a directory.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final ScheduledExecutorService writer;

    private MailServer(GreenMail greenMail, ScheduledExecutorService writer) {
        this.greenMail = greenMail;
        this.writer = writer;
    }

    /** SMTP and IMAP on free ports of 127.0.0.1; {@code emlDir}: also write each mail there (null: don't). */
    public static MailServer start(Path emlDir) {
        return start(FreePorts.find(), emlDir);
    }

    public static MailServer start(int smtpPort, Path emlDir) {
        GreenMail g = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(FreePorts.find(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        g.start();
        ScheduledExecutorService writer = null;
        if (emlDir != null) {
            writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-mail-writer");
                t.setDaemon(true);
                return t;
            });
            createDirectories(emlDir);
            int[] written = { 0 };
            writer.scheduleWithFixedDelay(() -> written[0] = writeNew(g, emlDir, written[0]), 1, 1, TimeUnit.SECONDS);
        }
        return new MailServer(g, writer);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.shutdownNow();
        }
        greenMail.stop();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the mails received since the last call as .eml files (numbered, with the recipient). */
    private static int writeNew(GreenMail g, Path dir, int done) {
        MimeMessage[] all = g.getReceivedMessages();
        for (int i = done; i < all.length; i++) {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                all[i].writeTo(out);
                String to = all[i].getAllRecipients() == null ? "unknown" : all[i].getAllRecipients()[0].toString()
                        .replaceAll("[^A-Za-z0-9@._-]", "_");
                String name = String.format("%s-%04d-%s.eml", java.time.LocalDateTime.now().toString().replace(':', '-').substring(0, 19),
                        i + 1, to);
                Files.writeString(dir.resolve(name), out.toString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                System.err.println("Could not write a demo mail: " + e);
            }
        }
        return all.length;
    }
}
