package uk.gov.redbridge.onepanel.requests.internal;

import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.instant;
import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.utc;
import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.truncate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.requests.AgencyReply;
import uk.gov.redbridge.onepanel.requests.MatchRule;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** The messages recorded against a request, with how each was matched, and the state a request was in before one. */
@Repository
public class RequestReplies {

    private final JdbcClient jdbc;

    RequestReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AgencyReply> reply(RequestId id, InboundMessageId messageId) {
        return jdbc.sql("SELECT * FROM request_reply WHERE request_id = :id AND message_id = :m")
                .param("id", id.value()).param("m", messageId.value()).query(RequestReplies::mapReply).optional();
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

    public List<AgencyReply> replies(RequestId id) {
        return jdbc.sql("SELECT * FROM request_reply WHERE request_id = :id ORDER BY recorded_at, message_id")
                .param("id", id.value()).query(RequestReplies::mapReply).list();
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

    private static AgencyReply mapReply(ResultSet rs, int n) throws SQLException {
        return new AgencyReply(new InboundMessageId(rs.getObject("message_id", UUID.class)),
                AgencyReply.Kind.valueOf(rs.getString("kind")), MatchRule.valueOf(rs.getString("matched_by")),
                rs.getString("note"), instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }
}
