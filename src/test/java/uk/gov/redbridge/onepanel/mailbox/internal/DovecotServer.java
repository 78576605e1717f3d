package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A Dovecot IMAP server of the test's own (Debian's {@code dovecot-imapd}: IDLE, MOVE, UIDPLUS), run as a plain
 * process from a configuration generated in a folder of its own: IMAP on a free loopback port, no TLS, passwords
 * from a file (password = address), Maildir owned by {@code nobody} (Dovecot will not deliver as root), every write
 * fsync'ed. Needs root to start (Dovecot drops privileges itself), as in CI.
 */
final class DovecotServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path config;

    private DovecotServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("dovecot.conf");
    }

    static DovecotServer start(Path dir, List<String> accounts) throws IOException, InterruptedException {
        DovecotServer server = new DovecotServer(dir, TestSettings.freePort());
        server.configure(accounts);
        server.run(List.of(binary(), "-c", server.config.toString()));
        server.awaitPort(Duration.ofSeconds(20));
        return server;
    }

    int port() {
        return port;
    }

    private static String binary() {
        return Files.isExecutable(Path.of("/usr/sbin/dovecot")) ? "/usr/sbin/dovecot" : "dovecot";
    }

    private void configure(List<String> accounts) throws IOException {
        for (String sub : List.of("run", "state", "log", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        // the unprivileged Dovecot processes walk into this folder
        for (Path p = dir; p != null && p.startsWith(dir.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir.resolve("mail"), users.lookupPrincipalByName("nobody"));
        StringBuilder passwd = new StringBuilder();
        for (String a : accounts) {
            passwd.append(a.toLowerCase(Locale.ROOT)).append(":{PLAIN}").append(a).append("::::::\n");
        }
        Files.writeString(dir.resolve("passwd"), passwd);
        String nogroup = Files.readAllLines(Path.of("/etc/group")).stream().anyMatch(l -> l.startsWith("nogroup:"))
                ? "nogroup" : "nobody";
        Files.writeString(config, """
                instance_name = onepanel-test-%1$d
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
                  args = uid=nobody gid=%3$s home=%2$s/mail/%%Lu
                }
                mail_location = maildir:~/Maildir
                mail_fsync = always
                namespace inbox {
                  inbox = yes
                }
                protocol imap {
                  mail_max_userip_connections = 200
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
                """.formatted(port, dir, nogroup));
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log/command.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(dir.resolve("log/command.log")));
        }
    }

    private void awaitPort(Duration atMost) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(atMost);
        while (Instant.now().isBefore(end)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 300);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Dovecot did not open port " + port + ": "
                + (Files.exists(dir.resolve("log/dovecot.log")) ? Files.readString(dir.resolve("log/dovecot.log")) : ""));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of(binary(), "-c", config.toString(), "stop"));
    }
}
