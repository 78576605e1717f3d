package uk.gov.redbridge.onepanel.mailbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mailbox_state} table: last checks, failures and backoff per mailbox. */
@Repository
class MailboxStates {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailboxStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    MailboxState find(String mailbox) {
        return jdbc.sql("SELECT * FROM mailbox_state WHERE mailbox = :mailbox").param("mailbox", mailbox)
                .query(MailboxStates::map).optional().orElseGet(() -> MailboxState.neverChecked(mailbox));
    }

    void recordSuccess(String mailbox, Instant at, long uidValidity, String capabilities) {
        upsert(mailbox, "last_success_at = :at, consecutive_failures = 0, failure_kind = NULL, next_attempt_at = NULL, "
                        + "uid_validity = :uidValidity, capabilities = :capabilities",
                "last_success_at, consecutive_failures, uid_validity, capabilities",
                ":at, 0, :uidValidity, :capabilities",
                new Object[][] {{"at", at}, {"uidValidity", uidValidity}, {"capabilities", capabilities}});
    }

    void recordFailure(String mailbox, Instant at, FailureKind kind, int consecutiveFailures, Instant nextAttemptAt) {
        upsert(mailbox, "last_failure_at = :at, consecutive_failures = :failures, failure_kind = :kind, "
                        + "next_attempt_at = :next",
                "last_failure_at, consecutive_failures, failure_kind, next_attempt_at",
                ":at, :failures, :kind, :next",
                new Object[][] {{"at", at}, {"failures", consecutiveFailures}, {"kind", kind.name()},
                        {"next", nextAttemptAt}});
    }

    // Only the instance holding a mailbox's lock writes its row, so update-then-insert needs no MERGE (whose
    // dialects differ between H2 and PostgreSQL); a lost insert race is retried as an update.
    private void upsert(String mailbox, String assignments, String columns, String values, Object[][] params) {
        if (bind(jdbc.sql("UPDATE mailbox_state SET " + assignments + ", updated_at = :now WHERE mailbox = :mailbox"),
                mailbox, params).update() > 0) {
            return;
        }
        try {
            bind(jdbc.sql("INSERT INTO mailbox_state (mailbox, " + columns + ", updated_at) VALUES (:mailbox, "
                    + values + ", :now)"), mailbox, params).update();
        } catch (DuplicateKeyException e) {
            bind(jdbc.sql("UPDATE mailbox_state SET " + assignments + ", updated_at = :now WHERE mailbox = :mailbox"),
                    mailbox, params).update();
        }
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String mailbox, Object[][] params) {
        spec = spec.param("mailbox", mailbox).param("now", InboundMessageRepository.utc(clock.instant()));
        for (Object[] p : params) {
            Object value = p[1] instanceof Instant i ? InboundMessageRepository.utc(i) : p[1];
            spec = spec.param((String) p[0], value);
        }
        return spec;
    }

    private static MailboxState map(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("failure_kind");
        return new MailboxState(rs.getString("mailbox"), instant(rs, "last_success_at"),
                instant(rs, "last_failure_at"), rs.getInt("consecutive_failures"),
                kind == null ? null : FailureKind.valueOf(kind), instant(rs, "next_attempt_at"),
                rs.getObject("uid_validity", Long.class), rs.getString("capabilities"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                .orElse(null);
    }
}
