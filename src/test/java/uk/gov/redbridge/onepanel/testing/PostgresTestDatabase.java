package uk.gov.redbridge.onepanel.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test at the PostgreSQL server {@code .ci/run} starts (ONEPANEL_TEST_POSTGRES_URL, _USER, _PASSWORD;
 * defaults match .ci/run), in a fresh schema per test context so runs never see each other's rows. Only for
 * {@code @External} tests.
 */
public final class PostgresTestDatabase {

    private PostgresTestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String url = env("ONEPANEL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/onepanel_test");
        String user = env("ONEPANEL_TEST_POSTGRES_USER", "onepanel");
        String password = env("ONEPANEL_TEST_POSTGRES_PASSWORD", "onepanel");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not reachable at " + url
                    + " (run .ci/run, or set ONEPANEL_TEST_POSTGRES_URL)", e);
        }
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        registry.add("spring.flyway.schemas", () -> schema);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
