package uk.gov.redbridge.onepanel.requests.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.MatchRule;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.workingdays.Deadline;

/**
 * The information requests: one row a request to an agency about a referral. Status changes are conditional
 * updates, so two writers cannot both win.
 */
@Repository
public class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewRequest(RequestId id, ReferralId referralId, ReferralReference reference, Pathway pathway,
            String agencyCode, String mailbox, List<String> to, String replyTag, String replyAddress, String template,
            int workingDays, Instant createdAt, String createdBy, Instant sendAfter) {
    }

    /** False when the referral already has a request for this agency (whatever its status). */
    boolean insert(NewRequest r) {
        if (find(r.reference(), r.agencyCode()).isPresent()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO information_request (id, referral_id, referral_reference, pathway, agency_code, status,
                    mailbox, to_addresses, reply_tag, reply_address, template, working_days, created_at, created_by,
                    send_after, updated_at)
                VALUES (:id, :referralId, :reference, :pathway, :agency, 'DRAFT', :mailbox, :to, :tag, :replyAddress,
                    :template, :workingDays, :createdAt, :createdBy, :sendAfter, :createdAt)""")
                .param("id", r.id().value()).param("referralId", r.referralId().value())
                .param("reference", r.reference().toString()).param("pathway", r.pathway().name())
                .param("agency", r.agencyCode()).param("mailbox", r.mailbox()).param("to", String.join("\n", r.to()))
                .param("tag", r.replyTag()).param("replyAddress", r.replyAddress()).param("template", r.template())
                .param("workingDays", r.workingDays()).param("createdAt", utc(r.createdAt()))
                .param("createdBy", r.createdBy()).param("sendAfter", utc(r.sendAfter()))
                .update();
        return true;
    }

    public Optional<InformationRequest> find(RequestId id) {
        return jdbc.sql("SELECT * FROM information_request WHERE id = :id").param("id", id.value())
                .query(RequestRepository::map).optional();
    }

    /**
     * The request, its row locked until the transaction ends: two additions to one request (a form submitted twice)
     * take their turn.
     */
    Optional<InformationRequest> lock(RequestId id) {
        return jdbc.sql("SELECT * FROM information_request WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(RequestRepository::map).optional();
    }

    public Optional<InformationRequest> find(ReferralReference reference, String agencyCode) {
        return jdbc.sql("SELECT * FROM information_request WHERE referral_reference = :ref AND UPPER(agency_code) = :agency")
                .param("ref", reference.toString()).param("agency", agencyCode.trim().toUpperCase(java.util.Locale.ROOT))
                .query(RequestRepository::map).optional();
    }

    Optional<InformationRequest> findByReplyTag(String tag) {
        return jdbc.sql("SELECT * FROM information_request WHERE reply_tag = :tag").param("tag", tag.toLowerCase())
                .query(RequestRepository::map).optional();
    }

    Optional<InformationRequest> findByOutboundMail(UUID outboundMailId) {
        return jdbc.sql("""
                SELECT * FROM information_request WHERE outbound_mail_id = :m
                   OR id IN (SELECT request_id FROM request_action WHERE outbound_mail_id = :m AND kind <> 'escalation')""")
                .param("m", outboundMailId).query(RequestRepository::map).optional();
    }

    /** In directory order of creation. */
    public List<InformationRequest> forReferral(ReferralReference reference) {
        return jdbc.sql("SELECT * FROM information_request WHERE referral_reference = :ref ORDER BY created_at, agency_code")
                .param("ref", reference.toString()).query(RequestRepository::map).list();
    }

    List<ReferralReference> referralsWithDraftsDue(Instant now) {
        return jdbc.sql("""
                SELECT DISTINCT referral_reference FROM information_request
                WHERE status = 'DRAFT' AND send_after <= :now ORDER BY referral_reference""")
                .param("now", utc(now)).query((rs, n) -> ReferralReference.parse(rs.getString(1))).list();
    }

    List<ReferralReference> referralsWithStatus(Collection<RequestStatus> statuses) {
        return jdbc.sql("SELECT DISTINCT referral_reference FROM information_request WHERE status IN (:statuses) "
                        + "ORDER BY referral_reference")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query((rs, n) -> ReferralReference.parse(rs.getString(1))).list();
    }

    public List<InformationRequest> withStatus(Collection<RequestStatus> statuses) {
        return jdbc.sql("SELECT * FROM information_request WHERE status IN (:statuses) ORDER BY referral_reference, agency_code")
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(RequestRepository::map).list();
    }

    List<InformationRequest> dueOn(LocalDate day, Collection<RequestStatus> statuses) {
        return jdbc.sql("SELECT * FROM information_request WHERE due_date = :day AND status IN (:statuses) "
                        + "ORDER BY referral_reference, agency_code")
                .param("day", day).param("statuses", statuses.stream().map(Enum::name).toList())
                .query(RequestRepository::map).list();
    }

    List<InformationRequest> withDeliveryProblemSince(Instant since) {
        return jdbc.sql("SELECT * FROM information_request WHERE delivery_problem_at >= :since "
                        + "ORDER BY referral_reference, agency_code")
                .param("since", utc(since)).query(RequestRepository::map).list();
    }

    /** The details of a request just claimed for sending (DRAFT → SENT): when, its deadline, the mail. */
    void recordSent(RequestId id, Instant at, Deadline deadline, UUID outboundMailId, String messageId) {
        jdbc.sql("""
                UPDATE information_request SET sent_at = :at, deadline_start = :start, due_date = :due,
                    deadline_convention = :convention, outbound_mail_id = :mail, message_id = :messageId,
                    updated_at = :at
                WHERE id = :id""")
                .param("at", utc(at)).param("start", deadline.start()).param("due", deadline.due())
                .param("convention", deadline.convention()).param("mail", outboundMailId)
                .param("messageId", messageId).param("id", id.value())
                .update();
    }

    boolean changeStatus(RequestId id, Collection<RequestStatus> from, RequestStatus to, Instant at) {
        return jdbc.sql("UPDATE information_request SET status = :to, updated_at = :at WHERE id = :id AND status IN (:from)")
                .param("to", to.name()).param("at", utc(at)).param("id", id.value())
                .param("from", from.stream().map(Enum::name).toList())
                .update() == 1;
    }

    /** Answered: RETURNED or NOT_KNOWN, with the rule that matched; false if it was answered or cancelled before. */
    boolean markAnswered(RequestId id, RequestStatus status, MatchRule rule, Instant at) {
        return jdbc.sql("""
                UPDATE information_request SET status = :status, matched_by = :rule, answered_at = :at, updated_at = :at
                WHERE id = :id AND status IN ('DRAFT', 'SENT', 'REMINDED', 'OVERDUE', 'ESCALATED')""")
                .param("status", status.name()).param("rule", rule.name()).param("at", utc(at))
                .param("id", id.value())
                .update() == 1;
    }

    void markDeliveryProblem(RequestId id, String problem, Instant at) {
        jdbc.sql("UPDATE information_request SET delivery_problem = :problem, delivery_problem_at = :at, "
                        + "updated_at = :at WHERE id = :id")
                .param("problem", problem).param("at", utc(at)).param("id", id.value()).update();
    }

    /** A cancelled request that was never sent becomes a draft again, to go at {@code sendAfter}. */
    boolean restoreDraft(RequestId id, Instant sendAfter, Instant at) {
        return jdbc.sql("""
                UPDATE information_request SET status = 'DRAFT', send_after = :sendAfter, updated_at = :at
                WHERE id = :id AND status = 'CANCELLED' AND sent_at IS NULL""")
                .param("sendAfter", utc(sendAfter)).param("at", utc(at)).param("id", id.value()).update() == 1;
    }

    /** An answer undone: the request goes back to the state it was in; false if it is not answered any more. */
    boolean unanswer(RequestId id, RequestStatus back, Instant at) {
        return jdbc.sql("UPDATE information_request SET status = :back, matched_by = NULL, answered_at = NULL, "
                        + "updated_at = :at WHERE id = :id AND status IN ('RETURNED', 'NOT_KNOWN')")
                .param("back", back.name()).param("at", utc(at)).param("id", id.value()).update() == 1;
    }

    // mapping

    static InformationRequest map(ResultSet rs, int n) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        Deadline deadline = due == null ? null
                : new Deadline(rs.getObject("deadline_start", LocalDate.class), rs.getInt("working_days"), due,
                        rs.getString("deadline_convention"));
        String matched = rs.getString("matched_by");
        return new InformationRequest(new RequestId(rs.getObject("id", UUID.class)),
                new ReferralId(rs.getObject("referral_id", UUID.class)),
                ReferralReference.parse(rs.getString("referral_reference")), Pathway.valueOf(rs.getString("pathway")),
                rs.getString("agency_code"), RequestStatus.valueOf(rs.getString("status")), rs.getString("mailbox"),
                Arrays.asList(rs.getString("to_addresses").split("\n")), rs.getString("reply_address"),
                rs.getString("template"), rs.getInt("working_days"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "send_after"), instant(rs, "sent_at"), deadline, rs.getString("message_id"),
                matched == null ? null : MatchRule.valueOf(matched), instant(rs, "answered_at"),
                instant(rs, "delivery_problem_at"), rs.getString("delivery_problem"), instant(rs, "updated_at"));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
