package uk.gov.redbridge.onepanel.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The drain benchmark (issue 14): {@code N} messages wait in the three panel mailboxes while the service is down;
 * the service is started ({@code -Xmx512m}) and drains them. Reported, from the service's log, its JVM and the
 * outside: the time to the last outcome (referral logged, or the reason there is none), when the last message was
 * stored, triaged and settled, outcomes per 10 s and every gap of more than 2 s between two outcomes, the peak resident
 * memory of the service and of its parsing workers, the ratio to the {@code extract} command line on the same
 * messages, the warm latency (a referral arriving while the service is idle, to the moment it is in
 * {@code GET /api/referrals}) and the first referral after a restart. Against GreenMail or Dovecot, or both.
 *
 * <p>Not a test: a program, run on demand (docs/benchmarks.md has the command). Needs the packaged jar
 * ({@code mvn -DskipTests package}); for Dovecot, {@code /usr/sbin/dovecot} and root (Dovecot runs as a plain process
 * with its own configuration under the work folder, as {@code ../shared/tools/chaos/dovecot.sh} does).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) uk.gov.redbridge.onepanel.bench.DrainBenchmark \
 *     --messages 2000 --servers greenmail,dovecot
 * </pre>
 * Options (defaults): {@code --messages 250}, {@code --servers greenmail}, {@code --latency 30} (referrals timed one at
 * a time after the drain), {@code --heap 512m}, {@code --jar target/one-panel-0.1.0-SNAPSHOT.jar},
 * {@code --work /tmp/chaos-i14/drain}, {@code --web 18114}, {@code --imap 14114}, {@code --smtp 14014},
 * {@code --seed 14}, {@code --cli true}, {@code --mail-user nobody} (the owner of Dovecot's Maildirs), and any
 * {@code --onepanel.…=…} passed on to the service.
 */
public final class DrainBenchmark {

    private final Map<String, String> options;
    private final List<String> serviceOverrides;
    private final PrintStream out;

    private DrainBenchmark(Map<String, String> options, List<String> serviceOverrides, PrintStream out) {
        this.options = options;
        this.serviceOverrides = serviceOverrides;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        // the benchmark's own mail server must not spend the machine's time logging every command
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> options = new LinkedHashMap<>(Map.of("messages", "250", "servers", "greenmail",
                "latency", "30", "heap", "512m", "jar", "target/one-panel-0.1.0-SNAPSHOT.jar", "work",
                "/tmp/chaos-i14/drain", "web", "18114", "imap", "14114", "smtp", "14014", "seed", "14"));
        options.put("cli", "true");
        options.put("mail-user", "nobody");
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--onepanel.") || args[i].startsWith("--spring.")) {
                overrides.add(args[i]);
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        new DrainBenchmark(options, overrides, System.out).run(String.join(" ", args));
    }

    private int option(String name) {
        return Integer.parseInt(options.get(name));
    }

    private void run(String commandLine) throws Exception {
        Path work = Path.of(options.get("work"));
        Files.createDirectories(work);
        int count = option("messages");
        long seed = Long.parseLong(options.get("seed"));
        out.printf("Planning %d messages (seed %d)...%n", count, seed);
        List<DrainMail.Message> messages = DrainMail.plan(count, seed);
        List<String> reports = new ArrayList<>();
        for (String server : options.get("servers").split(",")) {
            Path dir = work.resolve(server.trim());
            try (BenchMailServer mail = server.trim().equals("dovecot")
                    ? new BenchMailServer.OfDovecot(option("imap"), option("smtp"), dir.resolve("dovecot"),
                            options.get("mail-user"))
                    : new BenchMailServer.OfGreenMail(option("imap"), option("smtp"))) {
                String report = drain(mail, dir, messages, seed, commandLine);
                reports.add(report);
                Files.writeString(dir.resolve("report-" + count + ".txt"), report, StandardCharsets.UTF_8);
                out.println(report);
            }
        }
        out.println("Reports written under " + work);
    }

    private String drain(BenchMailServer mail, Path dir, List<DrainMail.Message> messages, long seed,
            String commandLine) throws Exception {
        StringBuilder r = new StringBuilder();
        Path run = dir.resolve("run");
        BenchFiles.deleteTree(run.resolve("data"));
        Files.createDirectories(run);
        mail.start();
        long appendStart = System.currentTimeMillis();
        mail.append(messages);
        int waiting = mail.inboxCount();
        out.printf("%s: %d messages appended in %.1f s (%d in the inboxes)%n", mail.name(), messages.size(),
                (System.currentTimeMillis() - appendStart) / 1000.0, waiting);
        if (waiting != messages.size()) {
            throw new IllegalStateException("expected " + messages.size() + " messages waiting, found " + waiting);
        }
        int web = option("web");
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + web,
                "--onepanel.base-url=http://127.0.0.1:" + web,
                "--onepanel.mailbox.embedded.enabled=false",
                "--onepanel.mailbox.embedded.host=127.0.0.1",
                "--onepanel.mailbox.embedded.imap-port=" + mail.imapPort,
                "--onepanel.mailbox.embedded.smtp-port=" + mail.smtpPort,
                // agency requests stay drafts: the benchmark is about intake (13 requests per referral otherwise)
                "--onepanel.requests.hold=P30D"));
        arguments.addAll(serviceOverrides);
        String load = BenchFiles.loadAverage();
        String started = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19);
        r.append("== Drain of ").append(messages.size()).append(" messages against ").append(mail.name())
                .append(" (").append(started).append(") ==\n");
        r.append("machine: ").append(BenchFiles.machine()).append('\n');
        r.append("benchmark: DrainBenchmark ").append(commandLine).append('\n');
        r.append("service: java -Xmx").append(options.get("heap")).append(" -jar ").append(options.get("jar"))
                .append(' ').append(String.join(" ", arguments)).append('\n');
        Map<DrainMail.Kind, Long> kinds = messages.stream()
                .collect(Collectors.groupingBy(DrainMail.Message::kind, TreeMap::new, Collectors.counting()));
        r.append("mix: ").append(kinds).append('\n');

        ServiceProcess service = new ServiceProcess(Path.of(options.get("jar")), run, options.get("heap"), web,
                arguments);
        double drainSeconds = -1;
        try {
            service.start();
            long t0 = service.startedAt();
            long portOpen = service.awaitPort(Duration.ofMinutes(5));
            Drained drained = awaitOutcomes(service, messages.size(), Duration.ofMinutes(60));
            r.append("load average (1, 5, 15 min) at start: ").append(load).append(", after the drain: ")
                    .append(BenchFiles.loadAverage()).append('\n');
            report(r, service, t0, portOpen, drained, messages.size());
            if (drained.complete()) {
                // the drain itself, from the first message stored (the service's own start-up is not extraction)
                long firstStored = drained.events().stream().filter(e -> e.kind().equals("stored"))
                        .mapToLong(ServiceProcess.LogEvent::at).min().orElse(t0);
                drainSeconds = seconds(drained.outcomes().values().stream().mapToLong(Long::longValue).max()
                        .orElse(t0) - firstStored);
            }

            try {
                r.append(latency(mail, service, seed, option("latency")));
            } catch (Exception e) {
                r.append("warm latency: not measured (").append(e).append(")\n");
            }
            service.stop();
            try {
                r.append(firstAfterRestart(mail, service, seed));
            } catch (Exception e) {
                r.append("first referral after a restart: not measured (").append(e).append(")\n");
            }
        } finally {
            service.stop();
        }
        if (Boolean.parseBoolean(options.get("cli"))) {
            double cliSeconds = cli(dir, messages, r);
            if (drainSeconds > 0 && cliSeconds > 0) {
                r.append(String.format("service ÷ extract command line, same messages (the service from its first "
                        + "message stored to its last outcome; the command line from its start to its end): "
                        + "%.1f s ÷ %.1f s = %.2f×%n", drainSeconds, cliSeconds,
                        drainSeconds / cliSeconds));
            }
        }
        return r.toString();
    }

    /** Everything the log said about the messages, once every one has an outcome. */
    private record Drained(List<ServiceProcess.LogEvent> events, Map<String, Long> outcomes, long lastAckAt,
            boolean complete) {
    }

    private Drained awaitOutcomes(ServiceProcess service, int expected, Duration atMost) throws Exception {
        long end = System.currentTimeMillis() + atMost.toMillis();
        long lastPrint = 0;
        while (System.currentTimeMillis() < end && service.alive()) {
            List<ServiceProcess.LogEvent> events = service.events();
            Map<String, Long> outcomes = outcomes(events);
            long referrals = events.stream().filter(e -> e.kind().equals("referral")).count();
            long sent = events.stream().filter(e -> e.kind().equals("sent")).count();
            if (System.currentTimeMillis() - lastPrint > 10_000) {
                lastPrint = System.currentTimeMillis();
                out.printf("  %5.0f s: %d stored, %d triaged, %d outcomes, %d acknowledgements sent%n",
                        (lastPrint - service.startedAt()) / 1000.0, count(events, "stored"),
                        count(events, "triaged"), outcomes.size(), sent);
            }
            if (outcomes.size() >= expected && sent >= referrals) {
                long lastAck = events.stream().filter(e -> e.kind().equals("sent")).mapToLong(
                        ServiceProcess.LogEvent::at).max().orElse(0);
                return new Drained(List.copyOf(events), outcomes, lastAck, true);
            }
            Thread.sleep(500);
        }
        List<ServiceProcess.LogEvent> events = service.events();
        return new Drained(List.copyOf(events), outcomes(events), 0, false);
    }

    private static long count(List<ServiceProcess.LogEvent> events, String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).map(ServiceProcess.LogEvent::id).distinct().count();
    }

    /**
     * When each message was settled: a message triaged as a possible referral when intake logged it (a referral, or
     * the reason there is none); any other when triage decided it.
     */
    private static Map<String, Long> outcomes(List<ServiceProcess.LogEvent> events) {
        Map<String, Long> out = new HashMap<>();
        for (ServiceProcess.LogEvent e : events) {
            if (e.kind().equals("triaged") && !e.detail().equals("REFERRAL")) {
                out.putIfAbsent(e.id(), e.at());
            } else if (e.kind().equals("referral") || e.kind().equals("exception")) {
                out.putIfAbsent(e.id(), e.at());
            }
        }
        return out;
    }

    private void report(StringBuilder r, ServiceProcess service, long t0, long portOpen, Drained drained, int n) {
        List<ServiceProcess.LogEvent> events = drained.events();
        if (!drained.complete()) {
            r.append("INCOMPLETE: ").append(drained.outcomes().size()).append(" of ").append(n)
                    .append(" messages had an outcome when the benchmark gave up\n");
        }
        List<Long> outcomeTimes = new ArrayList<>(drained.outcomes().values());
        Collections.sort(outcomeTimes);
        long last = outcomeTimes.isEmpty() ? t0 : outcomeTimes.get(outcomeTimes.size() - 1);
        long p99 = outcomeTimes.isEmpty() ? t0 : pct(outcomeTimes, 99);
        r.append(String.format("time to last outcome: %.1f s after the service was started (99 %% of outcomes: %.1f s; "
                + "web port open at %.1f s)%n", seconds(last - t0), seconds(p99 - t0),
                portOpen < 0 ? -1 : seconds(portOpen - t0)));
        r.append(String.format("stages (first / last, s from start): stored %s, triaged %s, outcome %s;"
                + " last acknowledgement sent %.1f%n", span(events, "stored"::equals, t0),
                span(events, "triaged"::equals, t0), span(outcomeTimes, t0), seconds(drained.lastAckAt() - t0)));
        for (ServiceProcess.LogEvent e : events) {
            if (e.kind().equals("worker")) {
                r.append(String.format("  parsing worker %s ready at %.1f s (%s)%n", e.id(), seconds(e.at() - t0),
                        e.detail()));
            }
        }
        Map<String, Long> verdicts = events.stream().filter(e -> e.kind().equals("triaged"))
                .collect(Collectors.groupingBy(ServiceProcess.LogEvent::detail, TreeMap::new, Collectors.counting()));
        Map<String, Long> exceptions = events.stream().filter(e -> e.kind().equals("exception"))
                .collect(Collectors.groupingBy(ServiceProcess.LogEvent::detail, TreeMap::new, Collectors.counting()));
        Map<String, Long> failures = events.stream().filter(e -> e.kind().equals("failed"))
                .collect(Collectors.groupingBy(e -> e.id() + " " + e.detail(), TreeMap::new, Collectors.counting()));
        if (!failures.isEmpty()) {
            r.append("listeners that failed (their events delivered again by resubmission): ").append(failures)
                    .append('\n');
        }
        Map<String, Long> retried = events.stream().filter(e -> e.kind().equals("retried"))
                .collect(Collectors.groupingBy(ServiceProcess.LogEvent::id, TreeMap::new, Collectors.counting()));
        long redelivered = events.stream().filter(e -> e.kind().equals("redelivered"))
                .mapToLong(e -> Long.parseLong(e.id())).sum();
        r.append("transient failures run again at once: ").append(retried.isEmpty() ? "none" : retried)
                .append("; event publications delivered again after a failure: ").append(redelivered).append('\n');
        r.append("verdicts: ").append(verdicts).append("; referrals logged: ").append(count(events, "referral"))
                .append("; no referral: ").append(exceptions).append('\n');
        if (!outcomeTimes.isEmpty()) {
            long first = outcomeTimes.get(0);
            int[] perSecond = new int[(int) ((last - first) / 1000) + 1];
            for (long t : outcomeTimes) {
                perSecond[(int) ((t - first) / 1000)]++;
            }
            StringBuilder tens = new StringBuilder();
            for (int s = 0; s < perSecond.length; s += 10) {
                int sum = 0;
                for (int k = s; k < Math.min(perSecond.length, s + 10); k++) {
                    sum += perSecond[k];
                }
                tens.append(tens.length() == 0 ? "" : ", ").append(sum);
            }
            r.append(String.format("outcomes per 10 s from the first (at %.1f s): %s%n", seconds(first - t0), tens));
            long zeroSeconds = java.util.Arrays.stream(perSecond).filter(c -> c == 0).count();
            r.append(String.format("outcomes per second: mean %.1f, seconds with none: %d of %d%n",
                    outcomeTimes.size() / Math.max(1.0, seconds(last - first)), zeroSeconds, perSecond.length));
            long maxGap = 0;
            long gapAt = first;
            List<String> stalls = new ArrayList<>();
            for (int i = 1; i < outcomeTimes.size(); i++) {
                long gap = outcomeTimes.get(i) - outcomeTimes.get(i - 1);
                if (gap > maxGap) {
                    maxGap = gap;
                    gapAt = outcomeTimes.get(i - 1);
                }
                if (gap > 2000) {
                    stalls.add(String.format("%.1f s at %.1f s", seconds(gap), seconds(outcomeTimes.get(i - 1) - t0)));
                }
            }
            r.append(String.format("longest gap between two outcomes: %.2f s (at %.1f s); gaps over 2 s: %s%n",
                    seconds(maxGap), seconds(gapAt - t0), stalls.isEmpty() ? "none" : stalls));
        }
        r.append(String.format("peak RSS: service %d MB, parsing workers %d MB together (%d MB the largest one), "
                + "%d worker processes%n", service.peakServiceMegabytes(), service.peakWorkersMegabytes(),
                service.peakWorkerMegabytes(), service.workerProcessesSeen()));
    }

    /** Referrals sent one at a time to the idle service: from accepted by the mail server to in the API. */
    private String latency(BenchMailServer mail, ServiceProcess service, long seed, int count) throws Exception {
        if (count <= 0) {
            return "";
        }
        List<Long> api = new ArrayList<>();
        List<Long> logged = new ArrayList<>();
        String newest = service.newestReference();
        for (int i = 0; i < count; i++) {
            Thread.sleep(1000);
            DrainMail.Message m = DrainMail.referral(900_000 + i, DrainMail.PANEL[i % DrainMail.PANEL.length], seed);
            long referralsBefore = referralsLogged(service);
            mail.deliverNow(m);
            long accepted = System.currentTimeMillis();
            String now = newest;
            long deadline = accepted + 120_000;
            // the log first, the API only once intake has logged a referral: every API request checks a password
            // (BCrypt, ~0.1 CPU s), and asking every 20 ms while intake ran took a core of the service's two (issue 14)
            while (referralsLogged(service) == referralsBefore && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            while (java.util.Objects.equals(now, newest) && System.currentTimeMillis() < deadline) {
                now = service.newestReference();
                if (java.util.Objects.equals(now, newest)) {
                    Thread.sleep(20);
                }
            }
            long seen = System.currentTimeMillis();
            newest = now;
            api.add(seen - accepted);
            String reference = now;
            long loggedAt = service.events().stream()
                    .filter(e -> e.kind().equals("referral") && e.detail().equals(reference))
                    .mapToLong(ServiceProcess.LogEvent::at).findFirst().orElse(-1);
            if (loggedAt > 0) {
                logged.add(loggedAt - accepted);
            }
        }
        Collections.sort(api);
        Collections.sort(logged);
        return String.format("warm latency, %d referrals one at a time (%s accepted -> in GET /api/referrals): "
                + "p50 %.2f s, p95 %.2f s, max %.2f s; to the intake log line: p50 %.2f s, p95 %.2f s%n", count,
                mail instanceof BenchMailServer.OfDovecot ? "IMAP APPEND" : "SMTP", seconds(pct(api, 50)),
                seconds(pct(api, 95)), seconds(api.get(api.size() - 1)), seconds(pct(logged, 50)),
                seconds(pct(logged, 95)));
    }

    private static long referralsLogged(ServiceProcess service) throws java.io.IOException {
        return service.events().stream().filter(e -> e.kind().equals("referral")).count();
    }

    /**
     * The service restarted with its inboxes empty; one referral sent as soon as its web port opens. Reported: from
     * accepted by the mail server to the intake's log line (the referral logged), and to its first appearance in
     * {@code GET /api/referrals} (the first request to a new service also waits for the web layer to warm).
     */
    private String firstAfterRestart(BenchMailServer mail, ServiceProcess service, long seed) throws Exception {
        service.start();
        long t0 = service.startedAt();
        long portOpen = service.awaitPort(Duration.ofMinutes(5));
        if (portOpen < 0) {
            return "first referral after a restart: the service did not open its port\n";
        }
        DrainMail.Message m = DrainMail.referral(990_000, DrainMail.PANEL[0], seed);
        mail.deliverNow(m);
        long accepted = System.currentTimeMillis();
        long loggedAt = -1;
        String reference = null;
        while (loggedAt < 0 && System.currentTimeMillis() < accepted + 300_000) {
            for (ServiceProcess.LogEvent e : service.events()) {
                if (e.kind().equals("referral")) {
                    loggedAt = e.at();
                    reference = e.detail();
                }
            }
            Thread.sleep(20);
        }
        String inApi = null;
        while (!java.util.Objects.equals(inApi, reference) && System.currentTimeMillis() < accepted + 300_000) {
            try {
                inApi = service.newestReference();
            } catch (java.io.IOException e) {
                // the first requests to a new service can be slow: ask again
            }
            Thread.sleep(20);
        }
        long seen = System.currentTimeMillis();
        StringBuilder r = new StringBuilder(String.format("first referral after a restart: sent when the web port "
                + "opened (%.1f s after start); logged %.2f s after the mail server accepted it, in GET "
                + "/api/referrals after %.2f s%n", seconds(portOpen - t0),
                loggedAt < 0 ? -1 : seconds(loggedAt - accepted), seconds(seen - accepted)));
        for (ServiceProcess.LogEvent e : service.events()) {
            if (e.kind().equals("worker")) {
                r.append(String.format("  parsing worker %s ready at %.1f s (%s)%n", e.id(), seconds(e.at() - t0),
                        e.detail()));
            }
        }
        r.append("  load average after: ").append(BenchFiles.loadAverage()).append('\n');
        service.stop();
        return r.toString();
    }

    /**
     * The extract command line on the same messages (as .eml files), with the same heap and workers; reports it and
     * returns its time in seconds.
     */
    private double cli(Path dir, List<DrainMail.Message> messages, StringBuilder r) throws Exception {
        Path emls = dir.resolve("emls");
        Path json = dir.resolve("cli-out");
        BenchFiles.deleteTree(emls);
        BenchFiles.deleteTree(json);
        Files.createDirectories(emls);
        for (DrainMail.Message m : messages) {
            Files.write(emls.resolve(String.format("%05d.eml", m.index())), m.raw());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + options.get("heap")));
        for (String override : serviceOverrides) {
            if (override.startsWith("--onepanel.extraction.")) {
                command.add("-D" + override.substring(2));
            }
        }
        command.addAll(List.of("-jar", Path.of(options.get("jar")).toAbsolutePath().toString(), "extract",
                emls.toString(), "--out", json.toString()));
        String load = BenchFiles.loadAverage();
        long start = System.currentTimeMillis();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli.log").toFile()).start();
        int exit = p.waitFor();
        long took = System.currentTimeMillis() - start;
        r.append(String.format("extract command line on the same %d messages (.eml files): %.1f s (exit %d, load at "
                + "start %s)%n", messages.size(), seconds(took), exit, load));
        return exit == 0 ? seconds(took) : -1;
    }

    private static String span(List<ServiceProcess.LogEvent> events, Predicate<String> kind, long t0) {
        List<Long> times = events.stream().filter(e -> kind.test(e.kind())).map(ServiceProcess.LogEvent::at).sorted()
                .toList();
        return span(times, t0);
    }

    private static String span(List<Long> sorted, long t0) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.format("%.1f / %.1f", seconds(sorted.get(0) - t0), seconds(sorted.get(sorted.size() - 1) - t0));
    }

    private static long pct(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
