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

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.requests.AgencyReply;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.MatchRule;
import uk.gov.redbridge.onepanel.requests.Milestone;
import uk.gov.redbridge.onepanel.requests.RequestAction;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.requests.ReturnDocument;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.workingdays.Deadline;

/** The requests module's tables. Status changes are conditional updates, so two writers cannot both win. */
@Repository
class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // requests

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

    Optional<InformationRequest> find(RequestId id) {
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

    Optional<InformationRequest> find(ReferralReference reference, String agencyCode) {
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
    List<InformationRequest> forReferral(ReferralReference reference) {
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

    List<InformationRequest> withStatus(Collection<RequestStatus> statuses) {
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

    // actions

    boolean hasAction(RequestId id, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM request_action WHERE request_id = :id AND kind = :kind")
                .param("id", id.value()).param("kind", kind).query(Integer.class).single() > 0;
    }

    void insertAction(RequestId id, RequestAction a) {
        jdbc.sql("""
                INSERT INTO request_action (request_id, kind, due_on, done_at, outcome, outbound_mail_id, note,
                    done_by)
                VALUES (:id, :kind, :dueOn, :doneAt, :outcome, :mail, :note, :doneBy)""")
                .param("id", id.value()).param("kind", a.kind()).param("dueOn", a.dueOn())
                .param("doneAt", utc(a.doneAt())).param("outcome", a.outcome()).param("mail", a.outboundMailId())
                .param("note", a.note()).param("doneBy", a.doneBy())
                .update();
    }

    /** How many of the request's actions have a kind starting with the prefix (e.g. {@code return-by-hand:}). */
    int countActions(RequestId id, String kindPrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM request_action WHERE request_id = :id AND kind LIKE :prefix")
                .param("id", id.value()).param("prefix", kindPrefix + "%").query(Integer.class).single();
    }

    List<RequestAction> actions(RequestId id) {
        return jdbc.sql("SELECT * FROM request_action WHERE request_id = :id ORDER BY due_on, done_at, kind")
                .param("id", id.value())
                .query((rs, n) -> new RequestAction(rs.getString("kind"), rs.getObject("due_on", LocalDate.class),
                        instant(rs, "done_at"), rs.getString("outcome"), rs.getObject("outbound_mail_id", UUID.class),
                        rs.getString("note"), rs.getString("done_by")))
                .list();
    }

    // replies and documents

    Optional<AgencyReply> reply(RequestId id, InboundMessageId messageId) {
        return jdbc.sql("SELECT * FROM request_reply WHERE request_id = :id AND message_id = :m")
                .param("id", id.value()).param("m", messageId.value()).query(RequestRepository::mapReply).optional();
    }

    /** Records a reply, or replaces a held one (a person attached it after all). */
    void saveReply(RequestId id, AgencyReply reply) {
        jdbc.sql("DELETE FROM request_reply WHERE request_id = :id AND message_id = :m")
                .param("id", id.value()).param("m", reply.messageId().value()).update();
        jdbc.sql("""
                INSERT INTO request_reply (request_id, message_id, kind, matched_by, note, recorded_at, recorded_by)
                VALUES (:id, :m, :kind, :rule, :note, :at, :by)""")
                .param("id", id.value()).param("m", reply.messageId().value()).param("kind", reply.kind().name())
                .param("rule", reply.matchedBy().name()).param("note", truncate(reply.note(), 1000))
                .param("at", utc(reply.recordedAt())).param("by", reply.recordedBy())
                .update();
    }

    /** Remembers the state a reply found its request in, before it answered it (for an undo). */
    void recordStatusBefore(RequestId id, InboundMessageId messageId, RequestStatus before) {
        jdbc.sql("UPDATE request_reply SET status_before = :before WHERE request_id = :id AND message_id = :m")
                .param("before", before.name()).param("id", id.value()).param("m", messageId.value()).update();
    }

    Optional<RequestStatus> statusBefore(RequestId id, InboundMessageId messageId) {
        return jdbc.sql("SELECT status_before FROM request_reply WHERE request_id = :id AND message_id = :m")
                .param("id", id.value()).param("m", messageId.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(RequestStatus::valueOf)).optional()
                .flatMap(o -> o);
    }

    /** The requests a message is recorded against (as a reply of any kind). */
    List<RequestId> requestsReplied(InboundMessageId messageId) {
        return jdbc.sql("SELECT request_id FROM request_reply WHERE message_id = :m ORDER BY recorded_at")
                .param("m", messageId.value()).query((rs, n) -> new RequestId(rs.getObject(1, UUID.class))).list();
    }

    /** Takes a reply off its request again, with the documents that came in it. */
    void removeReply(RequestId id, InboundMessageId messageId) {
        jdbc.sql("DELETE FROM request_document WHERE request_id = :id AND message_id = :m")
                .param("id", id.value()).param("m", messageId.value()).update();
        jdbc.sql("DELETE FROM request_reply WHERE request_id = :id AND message_id = :m")
                .param("id", id.value()).param("m", messageId.value()).update();
    }

    /** An answer undone: the request goes back to the state it was in; false if it is not answered any more. */
    boolean unanswer(RequestId id, RequestStatus back, Instant at) {
        return jdbc.sql("UPDATE information_request SET status = :back, matched_by = NULL, answered_at = NULL, "
                        + "updated_at = :at WHERE id = :id AND status IN ('RETURNED', 'NOT_KNOWN')")
                .param("back", back.name()).param("at", utc(at)).param("id", id.value()).update() == 1;
    }

    List<AgencyReply> replies(RequestId id) {
        return jdbc.sql("SELECT * FROM request_reply WHERE request_id = :id ORDER BY recorded_at, message_id")
                .param("id", id.value()).query(RequestRepository::mapReply).list();
    }

    record RecordedReply(ReferralReference reference, String agencyCode, AgencyReply reply) {
    }

    List<RecordedReply> repliesRecordedSince(Instant since, Instant until) {
        return jdbc.sql("""
                SELECT r.referral_reference, r.agency_code, p.* FROM request_reply p
                JOIN information_request r ON r.id = p.request_id
                WHERE p.recorded_at >= :since AND p.recorded_at < :until
                ORDER BY r.referral_reference, r.agency_code, p.recorded_at""")
                .param("since", utc(since)).param("until", utc(until))
                .query((rs, n) -> new RecordedReply(ReferralReference.parse(rs.getString("referral_reference")),
                        rs.getString("agency_code"), mapReply(rs, n)))
                .list();
    }

    void addDocument(ReturnDocument d) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM request_document WHERE request_id = :r AND message_id = :m "
                        + "AND part_path = :p")
                .param("r", d.requestId().value()).param("m", d.messageId().value()).param("p", d.partPath())
                .query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO request_document (id, request_id, message_id, part_path, file_name, content_type, size,
                    sha256, added_at)
                VALUES (:id, :r, :m, :p, :name, :type, :size, :sha, :at)""")
                .param("id", d.id()).param("r", d.requestId().value()).param("m", d.messageId().value())
                .param("p", d.partPath()).param("name", d.fileName()).param("type", d.contentType())
                .param("size", d.size()).param("sha", d.sha256()).param("at", utc(d.addedAt()))
                .update();
    }

    /** A document added by hand: its bytes are in the content store already (written first, so never missing). */
    void addDocumentByHand(ReturnDocument d, ContentId content) {
        jdbc.sql("""
                INSERT INTO request_document (id, request_id, file_name, content_type, size, sha256, added_at,
                    content_id, added_by)
                VALUES (:id, :r, :name, :type, :size, :sha, :at, :content, :by)""")
                .param("id", d.id()).param("r", d.requestId().value()).param("name", d.fileName())
                .param("type", d.contentType()).param("size", d.size()).param("sha", d.sha256())
                .param("at", utc(d.addedAt())).param("content", content.value()).param("by", d.addedBy())
                .update();
    }

    /** The request's first document with these bytes, however it came. */
    Optional<ReturnDocument> documentWithSha(RequestId id, String sha256) {
        return jdbc.sql("SELECT * FROM request_document WHERE request_id = :r AND sha256 = :sha ORDER BY added_at, id")
                .param("r", id.value()).param("sha", sha256).query(RequestRepository::mapDocument).list().stream()
                .findFirst();
    }

    /** Where the bytes of a document added by hand are kept; empty for a part of a stored message. */
    Optional<ContentId> contentOf(RequestId id, UUID documentId) {
        return jdbc.sql("SELECT content_id FROM request_document WHERE request_id = :r AND id = :id "
                        + "AND content_id IS NOT NULL")
                .param("r", id.value()).param("id", documentId)
                .query((rs, n) -> new ContentId(rs.getObject("content_id", UUID.class))).optional();
    }

    List<ReturnDocument> documents(RequestId id) {
        return jdbc.sql("SELECT * FROM request_document WHERE request_id = :r "
                        + "ORDER BY added_at, message_id, part_path, id")
                .param("r", id.value()).query(RequestRepository::mapDocument).list();
    }

    Optional<ReturnDocument> document(RequestId id, UUID documentId) {
        return jdbc.sql("SELECT * FROM request_document WHERE request_id = :r AND id = :id")
                .param("r", id.value()).param("id", documentId).query(RequestRepository::mapDocument).optional();
    }

    // milestones

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

    List<Milestone> milestones(ReferralReference reference) {
        return jdbc.sql("SELECT * FROM referral_milestone WHERE referral_reference = :ref ORDER BY due_date, kind")
                .param("ref", reference.toString()).query(RequestRepository::mapMilestone).list();
    }

    List<Milestone> milestonesDueOn(LocalDate day) {
        return jdbc.sql("SELECT * FROM referral_milestone WHERE due_date = :day ORDER BY referral_reference, kind")
                .param("day", day).query(RequestRepository::mapMilestone).list();
    }

    // digests

    Optional<Instant> lastDigestUntil() {
        return jdbc.sql("SELECT MAX(covers_until) FROM request_digest")
                .query((rs, n) -> Optional.ofNullable(instant(rs, 1))).single();
    }

    boolean digestSent(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM request_digest WHERE digest_date = :day").param("day", day)
                .query(Integer.class).single() > 0;
    }

    void insertDigest(LocalDate day, Instant from, Instant until, UUID outboundMailId) {
        jdbc.sql("INSERT INTO request_digest (digest_date, covers_from, covers_until, outbound_mail_id) "
                        + "VALUES (:day, :from, :until, :mail)")
                .param("day", day).param("from", utc(from)).param("until", utc(until)).param("mail", outboundMailId)
                .update();
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

    private static AgencyReply mapReply(ResultSet rs, int n) throws SQLException {
        return new AgencyReply(new InboundMessageId(rs.getObject("message_id", UUID.class)),
                AgencyReply.Kind.valueOf(rs.getString("kind")), MatchRule.valueOf(rs.getString("matched_by")),
                rs.getString("note"), instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    private static ReturnDocument mapDocument(ResultSet rs, int n) throws SQLException {
        UUID message = rs.getObject("message_id", UUID.class);
        return new ReturnDocument(rs.getObject("id", UUID.class), new RequestId(rs.getObject("request_id", UUID.class)),
                message == null ? null : new InboundMessageId(message), rs.getString("part_path"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                instant(rs, "added_at"), rs.getString("added_by"));
    }

    private static Milestone mapMilestone(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("kind");
        return new Milestone(ReferralReference.parse(rs.getString("referral_reference")), kind, Milestones.label(kind),
                new Deadline(rs.getObject("start_date", LocalDate.class), rs.getInt("working_days"),
                        rs.getObject("due_date", LocalDate.class), rs.getString("convention")));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
