package uk.gov.redbridge.onepanel.referrals.internal;

import static uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository.instant;
import static uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.TimelineEntry;

/** A referral's case history: what happened to it, when and by whom, in words without personal data. */
@Repository
public class ReferralTimeline {

    private final JdbcClient jdbc;

    ReferralTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addEvent(ReferralId id, Instant at, String kind, String detail, String actor) {
        jdbc.sql("INSERT INTO referral_event (id, referral_id, at, kind, detail, actor) "
                        + "VALUES (:id, :r, :at, :kind, :detail, :actor)")
                .param("id", UUID.randomUUID()).param("r", id.value()).param("at", utc(at)).param("kind", kind)
                .param("detail", detail).param("actor", actor).update();
    }

    public List<TimelineEntry> timeline(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral_event WHERE referral_id = :r ORDER BY at, id")
                .param("r", id.value())
                .query((rs, n) -> new TimelineEntry(instant(rs, "at"), rs.getString("kind"), rs.getString("detail"),
                        rs.getString("actor")))
                .list();
    }
}
