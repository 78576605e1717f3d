package uk.gov.redbridge.onepanel.referrals.internal;

import static uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.ReferralId;

/** What intake decided for each message (a referral, a duplicate, none and why): each message is decided once. */
@Repository
class IntakeOutcomes {

    private final JdbcClient jdbc;

    IntakeOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IntakeOutcome> intakeOutcome(InboundMessageId messageId) {
        return jdbc.sql("SELECT * FROM intake_outcome WHERE message_id = :m").param("m", messageId.value())
                .query(IntakeOutcomes::mapOutcome).optional();
    }

    List<IntakeOutcome> intakeOutcomesForContent(String contentKey) {
        return jdbc.sql("SELECT * FROM intake_outcome WHERE content_key = :k ORDER BY decided_at")
                .param("k", contentKey).query(IntakeOutcomes::mapOutcome).list();
    }

    void recordIntakeOutcome(IntakeOutcome o, Instant at) {
        jdbc.sql("INSERT INTO intake_outcome (message_id, content_key, outcome, referral_id, reason, decided_at) "
                        + "VALUES (:m, :k, :o, :r, :reason, :at)")
                .param("m", o.messageId().value()).param("k", o.contentKey()).param("o", o.outcome())
                .param("r", o.referralId() == null ? null : o.referralId().value()).param("reason", o.reason())
                .param("at", utc(at)).update();
    }

    /** Forgets what intake decided for these messages, so that intake runs again for them (a retry). */
    void forgetIntakeOutcomes(List<InboundMessageId> messageIds) {
        for (InboundMessageId m : messageIds) {
            jdbc.sql("DELETE FROM intake_outcome WHERE message_id = :m").param("m", m.value()).update();
        }
    }

    void replaceIntakeOutcome(IntakeOutcome o, Instant at) {
        jdbc.sql("DELETE FROM intake_outcome WHERE message_id = :m").param("m", o.messageId().value()).update();
        recordIntakeOutcome(o, at);
    }

    private static IntakeOutcome mapOutcome(ResultSet rs, int n) throws SQLException {
        UUID referral = rs.getObject("referral_id", UUID.class);
        return new IntakeOutcome(new InboundMessageId(rs.getObject("message_id", UUID.class)),
                rs.getString("content_key"), rs.getString("outcome"), referral == null ? null : new ReferralId(referral),
                rs.getString("reason"));
    }
}
