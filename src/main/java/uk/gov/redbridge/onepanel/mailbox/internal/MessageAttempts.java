package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The poison counter for a take that never returns (a thread stuck in it, or the service stopped or killed during
 * it): a start is written to the database before a new message is taken and removed when the take ends, however it
 * ends. {@link PoisonMessages} counts takes that failed; this counts takes that did not end, and survives a
 * restart, so a message on which the service hangs is set aside after a few starts instead of stopping its mailbox
 * after every restart. Only the instance holding the mailbox's lock writes its rows.
 */
@Repository
class MessageAttempts {

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageAttempts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that a take of this message starts.
     *
     * @return how many earlier takes of it started and never ended
     */
    int begin(PoisonMessages.Key key) {
        Integer earlier = jdbc.sql("SELECT unfinished FROM mailbox_attempt WHERE mailbox = :mailbox "
                        + "AND uid_validity = :uidValidity AND uid = :uid")
                .param("mailbox", key.mailbox()).param("uidValidity", key.uidValidity()).param("uid", key.uid())
                .query(Integer.class).optional().orElse(null);
        var now = InboundMessageRepository.utc(clock.instant());
        if (earlier != null) {
            jdbc.sql("UPDATE mailbox_attempt SET unfinished = unfinished + 1, started_at = :now WHERE mailbox = :mailbox "
                            + "AND uid_validity = :uidValidity AND uid = :uid")
                    .param("now", now).param("mailbox", key.mailbox()).param("uidValidity", key.uidValidity())
                    .param("uid", key.uid()).update();
            return earlier;
        }
        try {
            jdbc.sql("INSERT INTO mailbox_attempt (mailbox, uid_validity, uid, unfinished, started_at) "
                            + "VALUES (:mailbox, :uidValidity, :uid, 1, :now)")
                    .param("mailbox", key.mailbox()).param("uidValidity", key.uidValidity()).param("uid", key.uid())
                    .param("now", now).update();
        } catch (DuplicateKeyException e) {
            // another instance that held the lock a moment ago: count it as one more start
            return begin(key);
        }
        return 0;
    }

    /** The take ended (taken, set aside, or failed and counted by {@link PoisonMessages}). */
    void finish(PoisonMessages.Key key) {
        jdbc.sql("DELETE FROM mailbox_attempt WHERE mailbox = :mailbox AND uid_validity = :uidValidity AND uid = :uid")
                .param("mailbox", key.mailbox()).param("uidValidity", key.uidValidity()).param("uid", key.uid())
                .update();
    }
}
