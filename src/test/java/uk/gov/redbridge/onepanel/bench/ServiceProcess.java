package uk.gov.redbridge.onepanel.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as an operator runs it: {@code java -Xmx… -jar one-panel.jar} in a folder of its own (H2 under
 * {@code data/}, its log in {@code app.log}), read from the outside only: its log lines (each stage logs every message
 * it settles), its JSON API, and the resident memory of its JVM and its parsing workers (its child processes).
 */
final class ServiceProcess implements AutoCloseable {

    static final String PASSWORD = "bench-pass-1";

    /** A line of the log that says a message went through a stage. */
    record LogEvent(long at, String kind, String id, String detail) {
    }

    private static final Pattern TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(?:Z|[+-]\\d{2}:\\d{2}))");
    private static final String UUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final Pattern STORED = Pattern.compile("message UID \\d+ logged as " + UUID);
    private static final Pattern TRIAGED = Pattern.compile("Message " + UUID + " in \\w+: (\\w+) \\(rule");
    private static final Pattern REFERRAL = Pattern.compile("Message " + UUID + " logged as referral (\\S+)");
    private static final Pattern NO_REFERRAL = Pattern.compile("Message " + UUID + " gave no referral: (\\S+)");
    private static final Pattern SENT = Pattern.compile("Sent outbound mail ([0-9a-f-]+)");
    private static final Pattern RETRIED = Pattern.compile("(\\w+\\.\\w+): transient failure, running it again");
    private static final Pattern REDELIVERED = Pattern.compile("Delivered again (\\d+) event publication");
    private static final Pattern WORKER = Pattern.compile("Parsing worker (\\d+) started in (\\d+) ms and warmed in (\\d+) ms");
    private static final Pattern LISTENER_FAILED = Pattern.compile("Unexpected exception occurred invoking async method"
            + ": void [\\w.$]+\\.(\\w+\\.\\w+)\\(");
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^([a-z][\\w.]*\\.[A-Z]\\w*(?:Exception|Error))");
    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    private final Path jar;
    private final Path dir;
    private final Path log;
    private final String heap;
    private final List<String> arguments;
    private final int webPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<LogEvent> events = new ArrayList<>();
    private Process process;
    private long startedAt;
    private long logOffset;
    private String partialLine = "";
    private ScheduledExecutorService sampler;
    private volatile long peakServiceKb;
    private volatile long peakWorkersKb;
    private volatile long peakWorkerKb;
    private final Set<Long> workerPids = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ServiceProcess(Path jar, Path dir, String heap, int webPort, List<String> arguments) {
        this.jar = jar;
        this.dir = dir;
        this.log = dir.resolve("app.log");
        this.heap = heap;
        this.webPort = webPort;
        this.arguments = arguments;
    }

    /** Starts the service; its clock for the report starts now. */
    void start() throws IOException {
        Files.createDirectories(dir);
        logOffset = Files.exists(log) ? Files.size(log) : 0;
        partialLine = "";
        events.clear();
        workerPids.clear();
        peakServiceKb = 0;
        peakWorkersKb = 0;
        peakWorkerKb = 0;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toAbsolutePath().toString()));
        command.addAll(arguments);
        command.add("--logging.pattern.dateformat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("ONEPANEL_DEMO_PASSWORD", PASSWORD);
        startedAt = System.currentTimeMillis();
        process = builder.start();
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        peakServiceKb = Math.max(peakServiceKb, BenchFiles.rssKilobytes(p.pid()));
        long workers = 0;
        for (ProcessHandle child : p.toHandle().children().toList()) {
            long kb = BenchFiles.rssKilobytes(child.pid());
            workerPids.add(child.pid());
            workers += kb;
            peakWorkerKb = Math.max(peakWorkerKb, kb);
        }
        peakWorkersKb = Math.max(peakWorkersKb, workers);
    }

    long startedAt() {
        return startedAt;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits for the web port; returns when it opened (epoch ms), or -1. */
    long awaitPort(Duration atMost) throws InterruptedException {
        long end = System.currentTimeMillis() + atMost.toMillis();
        while (System.currentTimeMillis() < end && alive()) {
            if (BenchMailServer.portOpen(webPort)) {
                return System.currentTimeMillis();
            }
            Thread.sleep(25);
        }
        return -1;
    }

    /** Reads what the log gained since the last call; returns every stage event so far. */
    List<LogEvent> events() throws IOException {
        if (!Files.exists(log)) {
            return events;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length > logOffset) {
                byte[] bytes = new byte[(int) (length - logOffset)];
                file.seek(logOffset);
                file.readFully(bytes);
                logOffset = length;
                String text = partialLine + new String(bytes, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n');
                partialLine = text.substring(end + 1);
                for (String line : text.substring(0, end + 1).split("\n")) {
                    parse(line);
                }
            }
        }
        return events;
    }

    private void parse(String line) {
        Matcher time = TIME.matcher(line);
        if (!time.find()) {
            Matcher exception = EXCEPTION_LINE.matcher(line);
            if (exception.find() && !events.isEmpty() && events.get(events.size() - 1).kind().equals("failed")
                    && events.get(events.size() - 1).detail() == null) {
                LogEvent failed = events.remove(events.size() - 1);
                String name = exception.group(1);
                events.add(new LogEvent(failed.at(), "failed", failed.id(), name.substring(name.lastIndexOf('.') + 1)));
            }
            return;
        }
        long at = OffsetDateTime.parse(time.group(1)).toInstant().toEpochMilli();
        Matcher m;
        if ((m = STORED.matcher(line)).find()) {
            events.add(new LogEvent(at, "stored", m.group(1), null));
        } else if ((m = TRIAGED.matcher(line)).find()) {
            events.add(new LogEvent(at, "triaged", m.group(1), m.group(2)));
        } else if ((m = REFERRAL.matcher(line)).find()) {
            events.add(new LogEvent(at, "referral", m.group(1), m.group(2)));
        } else if ((m = NO_REFERRAL.matcher(line)).find()) {
            events.add(new LogEvent(at, "exception", m.group(1), m.group(2)));
        } else if ((m = SENT.matcher(line)).find()) {
            events.add(new LogEvent(at, "sent", m.group(1), null));
        } else if ((m = LISTENER_FAILED.matcher(line)).find()) {
            events.add(new LogEvent(at, "failed", m.group(1), null));
        } else if ((m = RETRIED.matcher(line)).find()) {
            events.add(new LogEvent(at, "retried", m.group(1), null));
        } else if ((m = REDELIVERED.matcher(line)).find()) {
            events.add(new LogEvent(at, "redelivered", m.group(1), null));
        } else if ((m = WORKER.matcher(line)).find()) {
            events.add(new LogEvent(at, "worker", m.group(1), m.group(2) + " ms to start, " + m.group(3) + " ms to warm"));
        }
    }

    /** The newest referral's reference from {@code GET /api/referrals?limit=1}, or null when there is none. */
    String newestReference() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/api/referrals?limit=1"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("secretariat:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/referrals answered " + response.statusCode());
        }
        Matcher m = REFERENCE.matcher(response.body());
        return m.find() ? m.group(1) : null;
    }

    long peakServiceMegabytes() {
        return peakServiceKb / 1024;
    }

    long peakWorkersMegabytes() {
        return peakWorkersKb / 1024;
    }

    long peakWorkerMegabytes() {
        return peakWorkerKb / 1024;
    }

    int workerProcessesSeen() {
        return new HashSet<>(workerPids).size();
    }

    /** Stops it as an operator would (SIGTERM, then SIGKILL after a minute); its workers end with it. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.toHandle().children().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        sampler.shutdownNow();
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
