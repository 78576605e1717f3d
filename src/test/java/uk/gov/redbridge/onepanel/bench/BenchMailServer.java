package uk.gov.redbridge.onepanel.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

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
            return address.toLowerCase(Locale.ROOT);
        }

        @Override
        void start() throws Exception {
            stopDovecot();
            Path mail = dir.resolve("mail");
            BenchFiles.deleteTree(mail);
            for (String sub : List.of("run", "state", "log", "mail")) {
                Files.createDirectories(dir.resolve(sub));
            }
            run("chown", mailUser, mail.toString());
            StringBuilder passwd = new StringBuilder();
            for (String address : DrainMail.PANEL) {
                passwd.append(login(address)).append(":{PLAIN}").append(address).append("::::::\n");
            }
            Files.writeString(dir.resolve("passwd"), passwd);
            String group = new String(new ProcessBuilder("id", "-gn", mailUser).start().getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).trim();
            Files.writeString(dir.resolve("dovecot.conf"), """
                    instance_name = bench-%1$d
                    base_dir = %2$s/run
                    state_dir = %2$s/state
                    log_path = %2$s/log/dovecot.log
                    info_log_path = %2$s/log/dovecot.log
                    protocols = imap
                    listen = 127.0.0.1
                    ssl = no
                    disable_plaintext_auth = no
                    auth_mechanisms = plain login
                    auth_username_format = %%Lu
                    default_internal_user = dovecot
                    default_login_user = dovenull
                    first_valid_uid = 1
                    passdb {
                      driver = passwd-file
                      args = scheme=PLAIN username_format=%%Lu %2$s/passwd
                    }
                    userdb {
                      driver = static
                      args = uid=%3$s gid=%4$s home=%2$s/mail/%%Lu
                    }
                    mail_location = maildir:~/Maildir
                    mail_fsync = always
                    namespace inbox {
                      inbox = yes
                    }
                    protocol imap {
                      mail_max_userip_connections = 200
                      imap_idle_notify_interval = 2 mins
                    }
                    service imap-login {
                      inet_listener imap {
                        address = 127.0.0.1
                        port = %1$d
                      }
                      inet_listener imaps {
                        port = 0
                      }
                    }
                    """.formatted(imapPort, dir, mailUser, group));
            run("/usr/sbin/dovecot", "-c", dir.resolve("dovecot.conf").toString());
            for (int i = 0; i < 100 && !portOpen(imapPort); i++) {
                Thread.sleep(100);
            }
            if (!portOpen(imapPort)) {
                throw new IllegalStateException("dovecot did not open port " + imapPort + "; see " + dir.resolve("log"));
            }
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

        private void stopDovecot() throws IOException, InterruptedException {
            Path pidFile = dir.resolve("run/master.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.contains("dovecot")).orElse(false))
                    .ifPresent(p -> {
                        p.destroy();
                        p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                    });
        }

        private void run(String... command) throws IOException, InterruptedException {
            // to a file, not a pipe: Dovecot's master goes to the background keeping its output open
            Path output = dir.resolve("log/commands.log");
            Files.createDirectories(output.getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + output);
            }
        }

        @Override
        public void close() throws Exception {
            if (sink != null) {
                sink.stop();
            }
            stopDovecot();
        }
    }
}
