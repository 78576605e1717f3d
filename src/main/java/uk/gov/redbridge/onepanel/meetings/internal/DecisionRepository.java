package uk.gov.redbridge.onepanel.meetings.internal;

import static uk.gov.redbridge.onepanel.meetings.internal.MeetingRepository.instant;
import static uk.gov.redbridge.onepanel.meetings.internal.MeetingRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.meetings.AgendaItemId;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.Decision.BoardDecision;
import uk.gov.redbridge.onepanel.meetings.DecisionId;
import uk.gov.redbridge.onepanel.meetings.FollowUpAction;
import uk.gov.redbridge.onepanel.meetings.FurtherInformation;
import uk.gov.redbridge.onepanel.meetings.MeetingId;
import uk.gov.redbridge.onepanel.meetings.MemberAnswer;
import uk.gov.redbridge.onepanel.meetings.Methodology;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.SarBasis;
import uk.gov.redbridge.onepanel.meetings.Vote;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** Recommendations and board decisions, their follow-up actions, and requests for further information. */
@Repository
public class DecisionRepository {

    private final JdbcClient jdbc;

    DecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Decision d, UUID referralId) {
        jdbc.sql("""
                INSERT INTO decision (id, item_id, meeting_id, referral_id, referral_reference, meeting_date, by_email,
                    recommendations, lead_process, sar_basis, focus, methodologies, reasons, dissenting_agencies,
                    dissent_note, escalated, quorum, votes, recorded_at, recorded_by, board_outcome)
                VALUES (:id, :item, :meeting, :referralId, :reference, :date, :byEmail, :recommendations, :lead,
                    :sarBasis, :focus, :methodologies, :reasons, :dissenting, :dissentNote, :escalated, :quorum,
                    :votes, :at, :by, 'PENDING')""")
                .param("id", d.id().value()).param("item", d.itemId().value())
                .param("meeting", d.meetingId().value()).param("referralId", referralId)
                .param("reference", d.referral() == null ? null : d.referral().toString())
                .param("date", d.meetingDate()).param("byEmail", d.byEmail())
                .param("recommendations", names(d.recommendations()))
                .param("lead", d.leadProcess() == null ? null : d.leadProcess().name())
                .param("sarBasis", d.sarBasis() == null ? null : d.sarBasis().name())
                .param("focus", d.focus()).param("methodologies", names(d.methodologies().stream().sorted().toList()))
                .param("reasons", d.reasons()).param("dissenting", String.join(",", d.dissentingAgencies()))
                .param("dissentNote", d.dissentNote()).param("escalated", d.escalated())
                .param("quorum", d.quorum()).param("votes", votesText(d.votes()))
                .param("at", utc(d.recordedAt())).param("by", d.recordedBy()).update();
        int position = 1;
        for (FollowUpAction a : d.followUps()) {
            jdbc.sql("INSERT INTO follow_up_action (decision_id, position, description, owner, due) "
                    + "VALUES (:d, :p, :text, :owner, :due)")
                    .param("d", d.id().value()).param("p", position++).param("text", a.description())
                    .param("owner", a.owner()).param("due", a.due()).update();
        }
    }

    boolean recordBoard(DecisionId id, BoardDecision board) {
        return jdbc.sql("""
                UPDATE decision SET board_outcome = :outcome, board_decision = :decision, board_sar_basis = :basis,
                    board_decided_by = :by, board_decided_on = :on, board_reason = :reason, board_recorded_at = :at,
                    board_recorded_by = :actor
                WHERE id = :id AND board_outcome = 'PENDING'""")
                .param("outcome", board.outcome().name()).param("decision", board.decision().name())
                .param("basis", board.sarBasis() == null ? null : board.sarBasis().name())
                .param("by", board.decidedBy()).param("on", board.decidedOn()).param("reason", board.reason())
                .param("at", utc(board.recordedAt())).param("actor", board.recordedBy()).param("id", id.value())
                .update() == 1;
    }

    public Optional<Decision> find(DecisionId id) {
        return jdbc.sql("SELECT * FROM decision WHERE id = :id").param("id", id.value()).query(this::map).optional();
    }

    public Optional<Decision> forItem(AgendaItemId item) {
        return jdbc.sql("SELECT * FROM decision WHERE item_id = :i").param("i", item.value()).query(this::map)
                .optional();
    }

    public List<Decision> forMeeting(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM decision WHERE meeting_id = :m ORDER BY recorded_at")
                .param("m", meeting.value()).query(this::map).list();
    }

    List<Decision> forReferral(ReferralReference reference) {
        return jdbc.sql("SELECT * FROM decision WHERE referral_reference = :r ORDER BY recorded_at")
                .param("r", reference.toString()).query(this::map).list();
    }

    private Decision map(ResultSet rs, int n) throws SQLException {
        DecisionId id = new DecisionId(rs.getObject("id", UUID.class));
        String ref = rs.getString("referral_reference");
        String outcome = rs.getString("board_outcome");
        String boardDecision = rs.getString("board_decision");
        String boardBasis = rs.getString("board_sar_basis");
        BoardDecision board = new BoardDecision(BoardDecision.Outcome.valueOf(outcome),
                boardDecision == null ? null : Recommendation.valueOf(boardDecision),
                boardBasis == null ? null : SarBasis.valueOf(boardBasis), rs.getString("board_decided_by"),
                rs.getObject("board_decided_on", LocalDate.class), rs.getString("board_reason"),
                instant(rs, "board_recorded_at"), rs.getString("board_recorded_by"));
        String lead = rs.getString("lead_process");
        String basis = rs.getString("sar_basis");
        return new Decision(id, new MeetingId(rs.getObject("meeting_id", UUID.class)),
                new AgendaItemId(rs.getObject("item_id", UUID.class)), ref == null ? null : ReferralReference.parse(ref),
                rs.getObject("meeting_date", LocalDate.class), rs.getBoolean("by_email"),
                split(rs.getString("recommendations")).stream().map(Recommendation::valueOf).toList(),
                lead == null ? null : Recommendation.valueOf(lead), basis == null ? null : SarBasis.valueOf(basis),
                rs.getString("focus"), methodologies(rs.getString("methodologies")), rs.getString("reasons"),
                followUps(id), split(rs.getString("dissenting_agencies")), rs.getString("dissent_note"),
                rs.getBoolean("escalated"), rs.getString("quorum"), votes(rs.getString("votes")),
                instant(rs, "recorded_at"), rs.getString("recorded_by"), board);
    }

    private List<FollowUpAction> followUps(DecisionId id) {
        return jdbc.sql("SELECT * FROM follow_up_action WHERE decision_id = :d ORDER BY position")
                .param("d", id.value())
                .query((rs, n) -> new FollowUpAction(rs.getString("description"), rs.getString("owner"),
                        rs.getObject("due", LocalDate.class)))
                .list();
    }

    // further information

    void insertRequest(UUID id, AgendaItemId item, String question, LocalDate due, Instant at, String by) {
        jdbc.sql("INSERT INTO further_information (id, item_id, question, due, requested_at, requested_by) "
                + "VALUES (:id, :item, :q, :due, :at, :by)")
                .param("id", id).param("item", item.value()).param("q", question).param("due", due)
                .param("at", utc(at)).param("by", by).update();
    }

    Optional<FurtherInformation> request(UUID id) {
        return jdbc.sql("SELECT * FROM further_information WHERE id = :id").param("id", id).query(this::mapRequest)
                .optional();
    }

    /** The item's latest request for further information. */
    public Optional<FurtherInformation> requestFor(AgendaItemId item) {
        return jdbc.sql("SELECT * FROM further_information WHERE item_id = :i ORDER BY requested_at DESC LIMIT 1")
                .param("i", item.value()).query(this::mapRequest).optional();
    }

    /** False if the message was recorded already (a redelivered reply). */
    boolean addAnswer(UUID request, UUID messageId, MemberAnswer answer) {
        int existing = jdbc.sql("SELECT COUNT(*) FROM member_answer WHERE request_id = :r AND message_id = :m")
                .param("r", request).param("m", messageId).query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO member_answer (request_id, message_id, email, name, agency_code, position, answer,
                    received_at)
                VALUES (:r, :m, :email, :name, :agency, :position, :answer, :at)""")
                .param("r", request).param("m", messageId).param("email", answer.email()).param("name", answer.name())
                .param("agency", answer.agency())
                .param("position", answer.position() == null ? null : answer.position().name())
                .param("answer", answer.text()).param("at", utc(answer.receivedAt())).update();
        return true;
    }

    private FurtherInformation mapRequest(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<MemberAnswer> answers = jdbc.sql("SELECT * FROM member_answer WHERE request_id = :r ORDER BY received_at")
                .param("r", id)
                .query((a, i) -> new MemberAnswer(a.getString("name"), a.getString("agency_code"),
                        a.getString("email"), a.getString("position") == null ? null
                                : Recommendation.valueOf(a.getString("position")),
                        a.getString("answer"), instant(a, "received_at")))
                .list();
        return new FurtherInformation(id, new AgendaItemId(rs.getObject("item_id", UUID.class)),
                rs.getString("question"), rs.getObject("due", LocalDate.class), instant(rs, "requested_at"),
                rs.getString("requested_by"), answers);
    }

    // text columns

    private static String names(java.util.Collection<? extends Enum<?>> values) {
        return String.join(",", values.stream().map(Enum::name).toList());
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }

    private static Set<Methodology> methodologies(String text) {
        Set<Methodology> out = EnumSet.noneOf(Methodology.class);
        split(text).forEach(m -> out.add(Methodology.valueOf(m)));
        return out;
    }

    /** AGENCY=CHOICE=cast by, one per line: a decision keeps the votes as they stood. */
    private static String votesText(List<Vote> votes) {
        List<String> lines = new ArrayList<>();
        for (Vote v : votes) {
            lines.add(v.agency() + "=" + v.choice().name() + "=" + v.castBy().replace('\n', ' '));
        }
        return String.join("\n", lines);
    }

    private static List<Vote> votes(String text) {
        List<Vote> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] p = line.split("=", 3);
            out.add(new Vote(p[0], Recommendation.valueOf(p[1]), p.length > 2 ? p[2] : "", null));
        }
        return out;
    }
}
