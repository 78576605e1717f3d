package uk.gov.redbridge.onepanel.links.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.links.internal.LinkFinder;
import uk.gov.redbridge.onepanel.links.internal.LinkRepository;
import uk.gov.redbridge.onepanel.links.internal.LinksSettings;
import uk.gov.redbridge.onepanel.links.internal.MatchingRules;
import uk.gov.redbridge.onepanel.links.internal.PersonProfile;
import uk.gov.redbridge.onepanel.links.internal.PersonProfiles;

/**
 * Matching one new referral against a log of 100,000 earlier referrals (500,000 people), as the service does when a
 * referral is logged: its people filed under their keys, the people who share a key found through the key index,
 * compared, and the links stored, in one transaction. Half the new referrals name a person of an earlier one. On H2
 * (a file database, as the embedded defaults) and on PostgreSQL ({@code -p db=postgresql}; ONEPANEL_TEST_POSTGRES_URL,
 * _USER, _PASSWORD as for the tests; a fresh schema, dropped afterwards). Not a test: run it with the command in
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class LinkMatchingBenchmark {

    @Param({"h2", "postgresql"})
    public String db;

    @Param({"100000"})
    public int referrals;

    private HikariDataSource dataSource;
    private String schema;
    private Path h2Folder;
    private LinkFinder finder;
    private final List<FilledForm> newForms = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(2);
        if (db.equals("postgresql")) {
            String url = env("ONEPANEL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/onepanel_test");
            String user = env("ONEPANEL_TEST_POSTGRES_USER", "onepanel");
            String password = env("ONEPANEL_TEST_POSTGRES_PASSWORD", "onepanel");
            schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema
                    + "&reWriteBatchedInserts=true");
            config.setUsername(user);
            config.setPassword(password);
        } else {
            h2Folder = Files.createTempDirectory("links-bench");
            config.setJdbcUrl("jdbc:h2:file:" + h2Folder.resolve("onepanel") + ";DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("sa");
            config.setPassword("");
        }
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true)
                .schemas(schema == null ? new String[0] : new String[] {schema}).load().migrate();

        MatchingRules rules = MatchingRules.from(new LinksSettings("classpath:links/nicknames.txt", "bench-secret",
                20, null));
        LinkRepository repository = new LinkRepository(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
        finder = new LinkFinder(repository, rules, new TransactionTemplate(new DataSourceTransactionManager(
                dataSource)), Clock.systemUTC());

        SyntheticFamilies families = new SyntheticFamilies(20261127L);
        List<SyntheticFamilies.Person> known = new ArrayList<>();
        long start = System.nanoTime();
        Map<UUID, List<PersonProfile>> batch = new HashMap<>();
        for (int i = 0; i < referrals; i++) {
            List<SyntheticFamilies.Person> family = families.family();
            if (i % 100 == 0) {
                known.add(family.get(0));
            }
            batch.put(UUID.randomUUID(), PersonProfiles.of(SyntheticFamilies.form(family)));
            if (batch.size() == 2000) {
                repository.fileAll(batch, rules.keys());
                batch.clear();
            }
        }
        repository.fileAll(batch, rules.keys());
        if (db.equals("postgresql")) {
            new JdbcTemplate(dataSource).execute("ANALYZE");
        }
        int people = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM link_person", Integer.class);
        int keys = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM link_key", Integer.class);
        System.out.printf("%nLoaded %d referrals: %d people, %d keys in %d s%n", referrals, people, keys,
                (System.nanoTime() - start) / 1_000_000_000L);
        for (int i = 0; i < 20_000; i++) {
            newForms.add(SyntheticFamilies.form(i % 2 == 0 ? families.familyKnownFrom(known) : families.family()));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (schema != null) {
            new JdbcTemplate(dataSource).execute("DROP SCHEMA " + schema + " CASCADE");
        }
        dataSource.close();
        if (h2Folder != null) {
            try (var files = Files.walk(h2Folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public LinkFinder.Outcome matchANewReferral() {
        FilledForm form = newForms.get(next++ % newForms.size());
        return finder.match(UUID.randomUUID(), form);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
