package uk.gov.redbridge.onepanel.testing;


import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until the service has finished what a test set going: every event publication completed (triage, intake,
 * exceptions run asynchronously after commit) and no mail waiting in the outbox. Tests wait on this, never on the
 * schedule.
 */
public final class Quiescence {

    private Quiescence() {
    }

    public static void await(JdbcClient jdbc) {
        await(jdbc, Duration.ofSeconds(30));
    }

    public static void await(JdbcClient jdbc, Duration atMost) {
        org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> quiet(jdbc));
    }

    static boolean quiet(JdbcClient jdbc) {
        int events = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Integer.class).single();
        int mail = jdbc.sql("SELECT COUNT(*) FROM outbound_mail WHERE state IN ('PENDING', 'SENDING')")
                .query(Integer.class).single();
        return events == 0 && mail == 0;
    }

}
