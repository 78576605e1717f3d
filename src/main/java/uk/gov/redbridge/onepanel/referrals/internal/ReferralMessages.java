package uk.gov.redbridge.onepanel.referrals.internal;

import static uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository.instant;
import static uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.LinkedMessage;
import uk.gov.redbridge.onepanel.referrals.ReferralId;

/** Which stored messages belong to which referral, and in which role (the referral email, a reply...). */
@Repository
public class ReferralMessages {

    private final JdbcClient jdbc;

    ReferralMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReferralId> referralOfMessage(InboundMessageId messageId) {
        return jdbc.sql("SELECT referral_id FROM referral_message WHERE message_id = :m ORDER BY linked_at LIMIT 1")
                .param("m", messageId.value())
                .query((rs, n) -> new ReferralId(rs.getObject("referral_id", UUID.class))).optional();
    }

    /** Links a message to a referral; false if it was linked already. */
    boolean linkMessage(ReferralId id, InboundMessageId messageId, String role, Instant at, String by) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM referral_message WHERE referral_id = :r AND message_id = :m")
                .param("r", id.value()).param("m", messageId.value()).query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO referral_message (referral_id, message_id, role, linked_at, linked_by) "
                        + "VALUES (:r, :m, :role, :at, :by)")
                .param("r", id.value()).param("m", messageId.value()).param("role", role).param("at", utc(at))
                .param("by", by).update();
        return true;
    }

    public List<LinkedMessage> messages(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral_message WHERE referral_id = :r ORDER BY linked_at, message_id")
                .param("r", id.value())
                .query((rs, n) -> new LinkedMessage(new InboundMessageId(rs.getObject("message_id", UUID.class)),
                        rs.getString("role"), instant(rs, "linked_at"), rs.getString("linked_by")))
                .list();
    }

    /** Takes a message off a referral (an attachment undone); false if it was not linked. */
    boolean unlinkMessage(ReferralId id, InboundMessageId messageId) {
        return jdbc.sql("DELETE FROM referral_message WHERE referral_id = :r AND message_id = :m")
                .param("r", id.value()).param("m", messageId.value()).update() > 0;
    }
}
