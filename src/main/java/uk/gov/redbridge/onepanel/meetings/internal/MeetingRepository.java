package uk.gov.redbridge.onepanel.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.AgendaItemId;
import uk.gov.redbridge.onepanel.meetings.Attendee;
import uk.gov.redbridge.onepanel.meetings.MeetingId;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.Vote;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** Meetings, their agenda items, attendance and votes. */
@Repository
public class MeetingRepository {

    /** A meeting row; its state is worked out by {@link MeetingQueries} from the pack and the attendance. */
    record Row(MeetingId id, String slot, LocalDate date, LocalTime startsAt, String location,
            LocalDate papersDeadline, String cancelledReason, Instant cancelledAt, String cancelledBy) {
    }

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    boolean slotTaken(String slot) {
        return jdbc.sql("SELECT COUNT(*) FROM meeting WHERE slot = :slot").param("slot", slot).query(Integer.class)
                .single() > 0;
    }

    void insert(Row m, Instant now, String actor) {
        jdbc.sql("""
                INSERT INTO meeting (id, slot, meeting_date, starts_at, location, papers_deadline, created_at,
                    created_by, updated_at)
                VALUES (:id, :slot, :date, :time, :location, :deadline, :now, :actor, :now)""")
                .param("id", m.id().value()).param("slot", m.slot()).param("date", m.date())
                .param("time", m.startsAt().toString()).param("location", m.location())
                .param("deadline", m.papersDeadline()).param("now", utc(now)).param("actor", actor)
                .update();
    }

    void reschedule(MeetingId id, LocalDate date, LocalTime time, String location, LocalDate deadline, Instant now) {
        jdbc.sql("""
                UPDATE meeting SET meeting_date = :date, starts_at = :time, location = :location,
                    papers_deadline = :deadline, updated_at = :now WHERE id = :id""")
                .param("date", date).param("time", time.toString()).param("location", location)
                .param("deadline", deadline).param("now", utc(now)).param("id", id.value()).update();
    }

    boolean cancel(MeetingId id, String reason, Instant now, String actor) {
        return jdbc.sql("""
                UPDATE meeting SET cancelled_reason = :reason, cancelled_at = :now, cancelled_by = :actor,
                    updated_at = :now WHERE id = :id AND cancelled_at IS NULL""")
                .param("reason", reason).param("now", utc(now)).param("actor", actor).param("id", id.value())
                .update() == 1;
    }

    Optional<Row> find(MeetingId id) {
        return jdbc.sql("SELECT * FROM meeting WHERE id = :id").param("id", id.value()).query(MeetingRepository::row)
                .optional();
    }

    List<Row> all() {
        return jdbc.sql("SELECT * FROM meeting ORDER BY meeting_date, starts_at").query(MeetingRepository::row).list();
    }

    /** Not cancelled, on or after the day, soonest first. */
    List<Row> from(LocalDate day) {
        return jdbc.sql("SELECT * FROM meeting WHERE cancelled_at IS NULL AND meeting_date >= :day "
                + "ORDER BY meeting_date, starts_at").param("day", day).query(MeetingRepository::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new MeetingId(rs.getObject("id", UUID.class)), rs.getString("slot"),
                rs.getObject("meeting_date", LocalDate.class), LocalTime.parse(rs.getString("starts_at")),
                rs.getString("location"), rs.getObject("papers_deadline", LocalDate.class),
                rs.getString("cancelled_reason"), instant(rs, "cancelled_at"), rs.getString("cancelled_by"));
    }

    // agenda

    void insertItem(AgendaItem item, java.util.UUID referralId) {
        jdbc.sql("""
                INSERT INTO agenda_item (id, meeting_id, position, referral_id, referral_reference, title, detail,
                    state, added_at, added_by)
                VALUES (:id, :meeting, :position, :referralId, :reference, :title, :detail, :state, :at, :by)""")
                .param("id", item.id().value()).param("meeting", item.meetingId().value())
                .param("position", item.number()).param("referralId", referralId)
                .param("reference", item.referral() == null ? null : item.referral().toString())
                .param("title", item.title()).param("detail", item.detail()).param("state", item.state().name())
                .param("at", utc(item.addedAt())).param("by", item.addedBy()).update();
    }

    int nextPosition(MeetingId meeting) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_item WHERE meeting_id = :m")
                .param("m", meeting.value()).query(Integer.class).single();
    }

    /** Live items (not taken off), in agenda order. */
    public List<AgendaItem> items(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM agenda_item WHERE meeting_id = :m AND removed_at IS NULL ORDER BY position")
                .param("m", meeting.value()).query(MeetingRepository::item).list();
    }

    Optional<AgendaItem> item(AgendaItemId id) {
        return jdbc.sql("SELECT * FROM agenda_item WHERE id = :id AND removed_at IS NULL").param("id", id.value())
                .query(MeetingRepository::item).optional();
    }

    /** Live items about the referral on meetings not cancelled, oldest first. */
    List<AgendaItem> itemsFor(ReferralReference reference) {
        return jdbc.sql("""
                SELECT i.* FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
                WHERE i.referral_reference = :ref AND i.removed_at IS NULL AND m.cancelled_at IS NULL
                ORDER BY i.added_at""").param("ref", reference.toString()).query(MeetingRepository::item).list();
    }

    /** Whether the referral was ever on the agenda of a meeting not cancelled, even if a person took it off. */
    boolean everPlaced(ReferralReference reference) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
                WHERE i.referral_reference = :ref AND m.cancelled_at IS NULL""")
                .param("ref", reference.toString()).query(Integer.class).single() > 0;
    }

    boolean removeItem(AgendaItemId id, Instant now, String actor) {
        return jdbc.sql("UPDATE agenda_item SET removed_at = :now, removed_by = :actor WHERE id = :id "
                + "AND removed_at IS NULL AND state = 'OPEN'")
                .param("now", utc(now)).param("actor", actor).param("id", id.value()).update() == 1;
    }

    /** Moves the open items of a cancelled meeting to another, after its own. */
    int moveOpenItems(MeetingId from, MeetingId to) {
        int moved = 0;
        for (AgendaItem item : items(from)) {
            if (item.state() == AgendaItem.ItemState.DECIDED) {
                continue;
            }
            jdbc.sql("UPDATE agenda_item SET meeting_id = :to, position = :p WHERE id = :id")
                    .param("to", to.value()).param("p", nextPosition(to)).param("id", item.id().value()).update();
            moved++;
        }
        return moved;
    }

    void itemState(AgendaItemId id, AgendaItem.ItemState state) {
        jdbc.sql("UPDATE agenda_item SET state = :s WHERE id = :id").param("s", state.name())
                .param("id", id.value()).update();
    }

    private static AgendaItem item(ResultSet rs, int n) throws SQLException {
        String ref = rs.getString("referral_reference");
        return new AgendaItem(new AgendaItemId(rs.getObject("id", UUID.class)),
                new MeetingId(rs.getObject("meeting_id", UUID.class)), rs.getInt("position"),
                ref == null ? null : ReferralReference.parse(ref), rs.getString("title"), rs.getString("detail"),
                AgendaItem.ItemState.valueOf(rs.getString("state")), instant(rs, "added_at"),
                rs.getString("added_by"));
    }

    // attendance

    boolean addAttendee(MeetingId meeting, Attendee a) {
        int existing = jdbc.sql("SELECT COUNT(*) FROM attendance WHERE meeting_id = :m AND agency_code = :a "
                + "AND name = :n").param("m", meeting.value()).param("a", a.agency()).param("n", a.name())
                .query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO attendance (meeting_id, agency_code, name, role, member, recorded_at, recorded_by)
                VALUES (:m, :a, :n, :role, :member, :at, :by)""")
                .param("m", meeting.value()).param("a", a.agency()).param("n", a.name()).param("role", a.role())
                .param("member", a.member()).param("at", utc(a.recordedAt())).param("by", a.recordedBy()).update();
        return true;
    }

    public boolean removeAttendee(MeetingId meeting, String agency, String name) {
        return jdbc.sql("DELETE FROM attendance WHERE meeting_id = :m AND agency_code = :a AND name = :n")
                .param("m", meeting.value()).param("a", agency).param("n", name).update() == 1;
    }

    public List<Attendee> attendees(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM attendance WHERE meeting_id = :m ORDER BY recorded_at, agency_code, name")
                .param("m", meeting.value())
                .query((rs, n) -> new Attendee(rs.getString("name"), rs.getString("role"),
                        rs.getString("agency_code"), rs.getBoolean("member"), instant(rs, "recorded_at"),
                        rs.getString("recorded_by")))
                .list();
    }

    // votes

    /** The agency's vote on the item, replacing one it cast before: one vote per agency. */
    void vote(AgendaItemId item, Vote vote, String actor) {
        jdbc.sql("DELETE FROM vote WHERE item_id = :i AND agency_code = :a").param("i", item.value())
                .param("a", vote.agency()).update();
        jdbc.sql("""
                INSERT INTO vote (item_id, agency_code, choice, cast_by, cast_at, recorded_by)
                VALUES (:i, :a, :c, :by, :at, :actor)""")
                .param("i", item.value()).param("a", vote.agency()).param("c", vote.choice().name())
                .param("by", vote.castBy()).param("at", utc(vote.castAt())).param("actor", actor).update();
    }

    public List<Vote> votes(AgendaItemId item) {
        return jdbc.sql("SELECT * FROM vote WHERE item_id = :i ORDER BY agency_code").param("i", item.value())
                .query((rs, n) -> new Vote(rs.getString("agency_code"),
                        Recommendation.valueOf(rs.getString("choice")), rs.getString("cast_by"),
                        instant(rs, "cast_at")))
                .list();
    }
}
