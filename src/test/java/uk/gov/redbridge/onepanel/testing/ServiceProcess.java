package uk.gov.redbridge.onepanel.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import uk.gov.redbridge.onepanel.OnePanelApplication;

/**
 * The service started as a JVM of its own, as the kill -9 tests need it: one mailbox account on a plain-text IMAP and
 * SMTP server, an H2 file, a log per run in {@code dir}. It can then be killed with SIGKILL
 * ({@code process.destroyForcibly()}) and started again on the same database.
 *
 * @param dir       the folder the service runs in, and where its logs go ({@code app-<run>.log})
 * @param heap      the {@code -Xmx} value, e.g. {@code 384m}
 * @param jdbcUrl   the H2 file the runs share
 * @param address   the panel mailbox's address (also its password on the test servers)
 * @param imapPort  the IMAP server's port on 127.0.0.1
 * @param smtpPort  the SMTP server's port on 127.0.0.1
 * @param extraArgs further {@code --name=value} settings
 */
public record ServiceProcess(Path dir, String heap, String jdbcUrl, String address, int imapPort, int smtpPort,
        List<String> extraArgs) {

    /** Starts run number {@code run}; its output goes to {@link #log(int)}. */
    public Process start(int run) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap,
                // C1 only: the service starts once per kill, and starting is most of these tests' time
                "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
                OnePanelApplication.class.getName(),
                "--spring.datasource.url=" + jdbcUrl,
                "--server.port=0",
                "--onepanel.mailbox.embedded.enabled=false",
                "--onepanel.mailbox.backoff.initial=PT1S",
                "--onepanel.mailbox.lock-at-most-for=PT30S",
                "--onepanel.mailbox.accounts[0].name=onepanel",
                "--onepanel.mailbox.accounts[0].address=" + address,
                "--onepanel.mailbox.accounts[0].imap.host=127.0.0.1",
                "--onepanel.mailbox.accounts[0].imap.port=" + imapPort,
                "--onepanel.mailbox.accounts[0].imap.security=NONE",
                "--onepanel.mailbox.accounts[0].smtp.host=127.0.0.1",
                "--onepanel.mailbox.accounts[0].smtp.port=" + smtpPort,
                "--onepanel.mailbox.accounts[0].smtp.security=NONE",
                "--onepanel.mailbox.accounts[0].auth.type=PASSWORD",
                "--onepanel.mailbox.accounts[0].auth.password=" + address));
        command.addAll(extraArgs);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log(run).toFile()).start();
    }

    public Path log(int run) {
        return dir.resolve("app-" + run + ".log");
    }

    /** Waits until run {@code run} says it has started. */
    public void awaitStarted(int run, Duration atMost) {
        Path log = log(run);
        await().dontCatchUncaughtExceptions().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(log) && Files.readString(log).contains("Started OnePanelApplication"));
    }

    /** The application's own classes and libraries: not the test classes (their test beans would be scanned). */
    private static String applicationClassPath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(all.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
