package uk.gov.redbridge.onepanel.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A Dovecot IMAP server of the test's own (Debian's {@code dovecot-imapd}: IDLE, MOVE, UIDPLUS), run as a plain
 * process from a configuration generated in a folder of its own: IMAP on a loopback port, no TLS, passwords from a
 * file (login = the address in lower case, password = the address), Maildir owned by an unprivileged user
 * ({@code nobody} unless told; Dovecot will not deliver as root), every write fsync'ed. Needs root to start (Dovecot
 * drops privileges itself), as in CI. Used by the Dovecot kill -9 test and the drain benchmark.
 */
public final class DovecotServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path config;

    private DovecotServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("dovecot.conf");
    }

    /** On a free port, mail owned by {@code nobody}. */
    public static DovecotServer start(Path dir, List<String> accounts) throws IOException, InterruptedException {
        return start(dir, accounts, freePort(), "nobody");
    }

    /**
     * Stops a server an earlier run left in this folder, empties its mail, and starts one for these accounts.
     */
    public static DovecotServer start(Path dir, List<String> accounts, int port, String mailUser)
            throws IOException, InterruptedException {
        DovecotServer server = new DovecotServer(dir, port);
        server.stopLeftover();
        server.configure(accounts, mailUser);
        server.run(List.of(binary(), "-c", server.config.toString()));
        server.awaitPort(Duration.ofSeconds(20));
        return server;
    }

    public int port() {
        return port;
    }

    /** The login Dovecot knows an address by. */
    public static String login(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    private static String binary() {
        return Files.isExecutable(Path.of("/usr/sbin/dovecot")) ? "/usr/sbin/dovecot" : "dovecot";
    }

    private static int freePort() {
        return uk.gov.redbridge.onepanel.mailbox.internal.EmbeddedMailPorts.freePort("127.0.0.1");
    }

    private void configure(List<String> accounts, String mailUser) throws IOException, InterruptedException {
        deleteTree(dir.resolve("mail"));
        for (String sub : List.of("run", "state", "log", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        // the unprivileged Dovecot processes walk into this folder
        for (Path p = dir; p != null && p.startsWith(dir.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setOwner(dir.resolve("mail"), dir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(mailUser));
        StringBuilder passwd = new StringBuilder();
        for (String a : accounts) {
            passwd.append(login(a)).append(":{PLAIN}").append(a).append("::::::\n");
        }
        Files.writeString(dir.resolve("passwd"), passwd);
        Process id = new ProcessBuilder("id", "-gn", mailUser).start();
        String group = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        id.waitFor(10, TimeUnit.SECONDS);
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
                """.formatted(port, dir, mailUser, group.isEmpty() ? "nogroup" : group));
    }

    /** A master an aborted run left behind in this folder (its pid file), stopped. */
    private void stopLeftover() {
        Path pidFile = dir.resolve("run/master.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.contains("dovecot")).orElse(false))
                    .ifPresent(p -> {
                        p.destroy();
                        p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                    });
        } catch (IOException | NumberFormatException e) {
            // no server left here
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        // to a file, not a pipe: Dovecot's master goes to the background keeping its output open
        Path output = dir.resolve("log/command.log");
        Files.createDirectories(output.getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(output));
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of(binary(), "-c", config.toString(), "stop"));
    }
}
