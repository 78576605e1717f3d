package uk.gov.redbridge.onepanel.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import uk.gov.redbridge.onepanel.testing.DovecotServer;

/**
 * The mail server a drain runs against, outside the service (so that mail can wait in it while the service is down):
 * GreenMail (the same server the service embeds), or Dovecot run as a plain process (as ../shared/tools/chaos does)
 * with GreenMail as the SMTP server that receives the acknowledgements.
 */
abstract class BenchMailServer implements AutoCloseable {

    final String host = "127.0.0.1";
    final int imapPort;
    final int smtpPort;

    BenchMailServer(int imapPort, int smtpPort) {
        this.imapPort = imapPort;
        this.smtpPort = smtpPort;
    }

    abstract String name();

    /** Empties every mailbox and starts the server. */
    abstract void start() throws Exception;

    /**
     * Delivers one referral for the latency measurement and returns when the server has accepted it: by SMTP for
     * GreenMail (a referrer's mail arriving), by IMAP APPEND for Dovecot (it has no SMTP here).
     */
    abstract void deliverNow(DrainMail.Message message) throws Exception;

    /** IMAP APPEND into each panel mailbox's inbox, one connection per mailbox. */
    void append(List<DrainMail.Message> messages) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        for (String mailbox : DrainMail.PANEL) {
            List<Message> batch = new ArrayList<>();
            for (DrainMail.Message m : messages) {
                if (m.mailbox().equals(mailbox)) {
                    batch.add(new MimeMessage(session, new ByteArrayInputStream(m.raw())));
                }
            }
            try (Store store = session.getStore("imap")) {
                store.connect(host, imapPort, login(mailbox), mailbox);
                Folder inbox = store.getFolder("INBOX");
                for (int from = 0; from < batch.size(); from += 100) {
                    inbox.appendMessages(batch.subList(from, Math.min(batch.size(), from + 100)).toArray(Message[]::new));
                }
            }
        }
    }

    /** Messages in the panel mailboxes' inboxes. */
    int inboxCount() throws MessagingException {
        int total = 0;
        Session session = Session.getInstance(new Properties());
        for (String mailbox : DrainMail.PANEL) {
            try (Store store = session.getStore("imap")) {
                store.connect(host, imapPort, login(mailbox), mailbox);
                total += store.getFolder("INBOX").getMessageCount();
            }
        }
        return total;
    }

    String login(String address) {
        return address;
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** GreenMail for both IMAP and SMTP, in the benchmark's JVM. */
    static final class OfGreenMail extends BenchMailServer {

        private GreenMail greenMail;

        OfGreenMail(int imapPort, int smtpPort) {
            super(imapPort, smtpPort);
        }

        @Override
        String name() {
            return "greenmail";
        }

        @Override
        void start() {
            greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)});
            greenMail.start();
            for (String address : DrainMail.PANEL) {
                greenMail.setUser(address, address, address);
            }
        }

        @Override
        void deliverNow(DrainMail.Message message) throws MessagingException {
            Properties p = new Properties();
            p.put("mail.smtp.host", host);
            p.put("mail.smtp.port", Integer.toString(smtpPort));
            Session session = Session.getInstance(p);
            MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(message.raw()));
            Transport.send(mime, mime.getAllRecipients());
        }

        @Override
        public void close() {
            if (greenMail != null) {
                greenMail.stop();
            }
        }
    }

    /**
     * Dovecot as a plain process with its own configuration, Maildirs and log under {@code dir}, IMAP only, no TLS,
     * passwords from a file (password = address); the acknowledgements go to a GreenMail SMTP server. Started and
     * stopped by its master's pid only.
     */
    static final class OfDovecot extends BenchMailServer {

        private final Path dir;
        private final String mailUser;
        private DovecotServer dovecot;
        private GreenMail sink;

        OfDovecot(int imapPort, int smtpPort, Path dir, String mailUser) {
            super(imapPort, smtpPort);
            this.dir = dir;
            this.mailUser = mailUser;
        }

        @Override
        String name() {
            return "dovecot";
        }

        @Override
        String login(String address) {
            return DovecotServer.login(address);
        }

        @Override
        void start() throws Exception {
            dovecot = DovecotServer.start(dir, List.of(DrainMail.PANEL), imapPort, mailUser);
            sink = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
            sink.start();
            // the service signs in to SMTP as each mailbox (password = address, as in Dovecot's password file)
            for (String address : DrainMail.PANEL) {
                sink.setUser(address, address, address);
            }
        }

        @Override
        void deliverNow(DrainMail.Message message) throws MessagingException {
            append(List.of(message));
        }

        @Override
        public void close() throws Exception {
            if (sink != null) {
                sink.stop();
            }
            if (dovecot != null) {
                dovecot.close();
            }
        }
    }
}
