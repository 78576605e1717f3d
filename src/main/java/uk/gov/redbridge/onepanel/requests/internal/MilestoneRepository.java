package uk.gov.redbridge.onepanel.requests.internal;

import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.requests.Milestone;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.workingdays.Deadline;

/** A referral's dated milestones (a Rapid Review's notification and day-15 report), each inserted once. */
@Repository
public class MilestoneRepository {

    private final JdbcClient jdbc;

    MilestoneRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertMilestoneIfAbsent(ReferralId referralId, Milestone m, Instant at) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM referral_milestone WHERE referral_id = :r AND kind = :k")
                .param("r", referralId.value()).param("k", m.kind()).query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO referral_milestone (referral_id, referral_reference, kind, start_date, working_days,
                    due_date, convention, created_at)
                VALUES (:r, :ref, :kind, :start, :days, :due, :convention, :at)""")
                .param("r", referralId.value()).param("ref", m.reference().toString()).param("kind", m.kind())
                .param("start", m.deadline().start()).param("days", m.deadline().workingDays())
                .param("due", m.deadline().due()).param("convention", m.deadline().convention())
                .param("at", utc(at))
                .update();
    }

    public List<Milestone> milestones(ReferralReference reference) {
        return jdbc.sql("SELECT * FROM referral_milestone WHERE referral_reference = :ref ORDER BY due_date, kind")
                .param("ref", reference.toString()).query(MilestoneRepository::mapMilestone).list();
    }

    List<Milestone> milestonesDueOn(LocalDate day) {
        return jdbc.sql("SELECT * FROM referral_milestone WHERE due_date = :day ORDER BY referral_reference, kind")
                .param("day", day).query(MilestoneRepository::mapMilestone).list();
    }

    private static Milestone mapMilestone(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("kind");
        return new Milestone(ReferralReference.parse(rs.getString("referral_reference")), kind, Milestones.label(kind),
                new Deadline(rs.getObject("start_date", LocalDate.class), rs.getInt("working_days"),
                        rs.getObject("due_date", LocalDate.class), rs.getString("convention")));
    }
}
