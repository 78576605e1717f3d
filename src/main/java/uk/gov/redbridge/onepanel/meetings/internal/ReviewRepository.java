package uk.gov.redbridge.onepanel.meetings.internal;

import static uk.gov.redbridge.onepanel.meetings.internal.MeetingRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.meetings.DecisionId;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.Review;
import uk.gov.redbridge.onepanel.meetings.ReviewId;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** Agreed reviews, their milestones and actions. */
@Repository
public class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the decision has a review already (a redelivered event). */
    boolean insert(Review r, Instant now) {
        int existing = jdbc.sql("SELECT COUNT(*) FROM review WHERE decision_id = :d").param("d", r.decisionId().value())
                .query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO review (id, decision_id, referral_reference, review_type, duty_holder, state,
                    commissioned_on, reviewer, created_at, updated_at)
                VALUES (:id, :d, :ref, :type, :holder, :state, :on, :reviewer, :now, :now)""")
                .param("id", r.id().value()).param("d", r.decisionId().value()).param("ref", r.referral().toString())
                .param("type", r.type().name()).param("holder", r.dutyHolder()).param("state", r.state().name())
                .param("on", r.commissionedOn()).param("reviewer", r.reviewer()).param("now", utc(now)).update();
        return true;
    }

    void update(ReviewId id, Review.State state, LocalDate commissionedOn, String reviewer,
            LocalDate finalReportSharedOn, Instant now) {
        jdbc.sql("""
                UPDATE review SET state = :state, commissioned_on = :on, reviewer = :reviewer,
                    final_report_shared_on = :shared, updated_at = :now WHERE id = :id""")
                .param("state", state.name()).param("on", commissionedOn).param("reviewer", reviewer)
                .param("shared", finalReportSharedOn).param("now", utc(now)).param("id", id.value()).update();
    }

    UUID addMilestone(ReviewId id, String name, LocalDate due) {
        UUID m = UUID.randomUUID();
        jdbc.sql("INSERT INTO review_milestone (id, review_id, name, due) VALUES (:id, :r, :name, :due)")
                .param("id", m).param("r", id.value()).param("name", name).param("due", due).update();
        return m;
    }

    boolean completeMilestone(ReviewId id, UUID milestone, LocalDate done) {
        return jdbc.sql("UPDATE review_milestone SET done = :done WHERE id = :m AND review_id = :r")
                .param("done", done).param("m", milestone).param("r", id.value()).update() == 1;
    }

    UUID addAction(ReviewId id, String description, String owner, String overseenBy, LocalDate due) {
        UUID a = UUID.randomUUID();
        jdbc.sql("INSERT INTO review_action (id, review_id, description, owner, overseen_by, due) "
                + "VALUES (:id, :r, :d, :owner, :overseen, :due)")
                .param("id", a).param("r", id.value()).param("d", description).param("owner", owner)
                .param("overseen", overseenBy).param("due", due).update();
        return a;
    }

    boolean completeAction(ReviewId id, UUID action, LocalDate done) {
        return jdbc.sql("UPDATE review_action SET done = :done WHERE id = :a AND review_id = :r")
                .param("done", done).param("a", action).param("r", id.value()).update() == 1;
    }

    Optional<Review> find(ReviewId id) {
        return jdbc.sql("SELECT * FROM review WHERE id = :id").param("id", id.value()).query(this::map).optional();
    }

    Optional<Review> forDecision(DecisionId id) {
        return jdbc.sql("SELECT * FROM review WHERE decision_id = :d").param("d", id.value()).query(this::map)
                .optional();
    }

    public List<Review> all() {
        return jdbc.sql("SELECT * FROM review ORDER BY created_at").query(this::map).list();
    }

    private Review map(ResultSet rs, int n) throws SQLException {
        ReviewId id = new ReviewId(rs.getObject("id", UUID.class));
        List<Review.Milestone> milestones = jdbc.sql("SELECT * FROM review_milestone WHERE review_id = :r "
                + "ORDER BY due, name").param("r", id.value())
                .query((m, i) -> new Review.Milestone(m.getObject("id", UUID.class), m.getString("name"),
                        m.getObject("due", LocalDate.class), m.getObject("done", LocalDate.class)))
                .list();
        List<Review.Action> actions = jdbc.sql("SELECT * FROM review_action WHERE review_id = :r ORDER BY due, id")
                .param("r", id.value())
                .query((a, i) -> new Review.Action(a.getObject("id", UUID.class), a.getString("description"),
                        a.getString("owner"), a.getString("overseen_by"), a.getObject("due", LocalDate.class),
                        a.getObject("done", LocalDate.class)))
                .list();
        return new Review(id, ReferralReference.parse(rs.getString("referral_reference")),
                new DecisionId(rs.getObject("decision_id", UUID.class)),
                Recommendation.valueOf(rs.getString("review_type")), rs.getString("duty_holder"),
                Review.State.valueOf(rs.getString("state")), rs.getObject("commissioned_on", LocalDate.class),
                rs.getString("reviewer"), rs.getObject("final_report_shared_on", LocalDate.class), milestones,
                actions);
    }
}
