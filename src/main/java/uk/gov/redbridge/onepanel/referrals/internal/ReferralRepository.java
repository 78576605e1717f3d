package uk.gov.redbridge.onepanel.referrals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.FieldCorrection;
import uk.gov.redbridge.onepanel.referrals.LinkedMessage;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralDocument;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralSearch;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.ReferrerSummary;
import uk.gov.redbridge.onepanel.referrals.SubjectSummary;
import uk.gov.redbridge.onepanel.referrals.FieldConflict;
import uk.gov.redbridge.onepanel.referrals.TimelineEntry;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.storage.ContentId;

@Repository
public class ReferralRepository {

    private final JdbcClient jdbc;

    ReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Referral r, String contentKey) {
        jdbc.sql("""
                INSERT INTO referral (id, reference, pathway, pathway_reason, status, mailbox, received_at,
                    sender_address, subject_first_name, subject_last_name, subject_dob, subject_age, referral_date,
                    incident_date, referrer_name, referrer_agency, referrer_email, form_source, form_json,
                    missing_fields, review_needed, content_key, created_by, updated_at)
                VALUES (:id, :reference, :pathway, :pathwayReason, :status, :mailbox, :receivedAt, :sender,
                    :firstName, :lastName, :dob, :age, :referralDate, :incidentDate, :referrerName, :referrerAgency,
                    :referrerEmail, :formSource, :formJson, :missing, :reviewNeeded, :contentKey, :createdBy,
                    :updatedAt)""")
                .param("id", r.id().value())
                .param("reference", r.reference().toString())
                .param("pathway", r.pathway().name())
                .param("pathwayReason", r.pathwayReason())
                .param("status", r.status().name())
                .param("mailbox", r.mailbox())
                .param("receivedAt", utc(r.receivedAt()))
                .param("sender", r.referrer().senderAddress())
                .param("firstName", r.subject().firstName())
                .param("lastName", r.subject().lastName())
                .param("dob", r.subject().dateOfBirth())
                .param("age", r.subject().age())
                .param("referralDate", r.form().value(FieldKeys.REFERRAL_DATE).orElse(null))
                .param("incidentDate", r.form().value(FieldKeys.REFERRAL_INCIDENT_DATE).orElse(null))
                .param("referrerName", r.referrer().name())
                .param("referrerAgency", r.referrer().agency())
                .param("referrerEmail", r.referrer().email())
                .param("formSource", r.formSource())
                .param("formJson", r.form().toJson())
                .param("missing", String.join("\n", r.missingFields()))
                .param("reviewNeeded", r.reviewNeeded())
                .param("contentKey", contentKey)
                .param("createdBy", r.createdBy())
                .param("updatedAt", utc(r.updatedAt()))
                .update();
    }

    Optional<Referral> findByReference(ReferralReference reference) {
        return jdbc.sql("SELECT * FROM referral WHERE reference = :ref").param("ref", reference.toString())
                .query(ReferralRepository::map).optional();
    }

    Optional<Referral> findById(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral WHERE id = :id").param("id", id.value())
                .query(ReferralRepository::map).optional();
    }

    Optional<ReferralId> findIdByContentKey(String contentKey) {
        return jdbc.sql("SELECT id FROM referral WHERE content_key = :key").param("key", contentKey)
                .query((rs, n) -> new ReferralId(rs.getObject("id", UUID.class))).optional();
    }

    List<ReferralId> ids() {
        return jdbc.sql("SELECT id FROM referral ORDER BY received_at, reference")
                .query((rs, n) -> new ReferralId(rs.getObject(1, UUID.class))).list();
    }

    List<Referral> latest(int limit) {
        return jdbc.sql("SELECT * FROM referral ORDER BY received_at DESC, reference DESC LIMIT :limit")
                .param("limit", limit).query(ReferralRepository::map).list();
    }

    List<Referral> receivedBetween(java.time.Instant from, java.time.Instant to) {
        return jdbc.sql("SELECT * FROM referral WHERE received_at >= :from AND received_at < :to "
                + "ORDER BY received_at, reference")
                .param("from", java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .param("to", java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
                .query(ReferralRepository::map).list();
    }

    List<Referral> withStatus(ReferralStatus status) {
        return jdbc.sql("SELECT * FROM referral WHERE status = :status ORDER BY received_at, reference")
                .param("status", status.name()).query(ReferralRepository::map).list();
    }

    /**
     * The log filtered by everything but the agency (which needs the directory), newest first. A text that holds
     * a digit is matched against references too; any text against the subject's names.
     */
    List<Referral> search(ReferralSearch search, Instant receivedFrom, Instant receivedBefore) {
        StringBuilder sql = new StringBuilder("SELECT * FROM referral WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (search.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", search.status().name());
        }
        if (search.pathway() != null) {
            sql.append(" AND pathway = :pathway");
            params.put("pathway", search.pathway().name());
        }
        if (search.mailbox() != null && !search.mailbox().isBlank()) {
            sql.append(" AND mailbox = :mailbox");
            params.put("mailbox", search.mailbox());
        }
        if (receivedFrom != null) {
            sql.append(" AND received_at >= :from");
            params.put("from", utc(receivedFrom));
        }
        if (receivedBefore != null) {
            sql.append(" AND received_at < :before");
            params.put("before", utc(receivedBefore));
        }
        if (search.text() != null && !search.text().isBlank()) {
            String text = "%" + search.text().trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ") + "%";
            sql.append(" AND (LOWER(COALESCE(subject_first_name, '') || ' ' || COALESCE(subject_last_name, '')) "
                    + "LIKE :text OR LOWER(COALESCE(subject_last_name, '')) LIKE :text");
            if (search.text().matches(".*\\d.*")) {
                sql.append(" OR LOWER(reference) LIKE :text");
            }
            sql.append(")");
            params.put("text", text);
        }
        sql.append(" ORDER BY received_at DESC, reference DESC");
        return jdbc.sql(sql.toString()).params(params).query(ReferralRepository::map).list();
    }

    long countReceivedSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM referral WHERE received_at >= :since").param("since", utc(since))
                .query(Long.class).single();
    }

    long countNeedingReview() {
        return jdbc.sql("SELECT COUNT(*) FROM referral WHERE review_needed = TRUE AND status <> 'CLOSED'")
                .query(Long.class).single();
    }

    /** Every mailbox a referral was logged from, for the log's filter. */
    List<String> mailboxes() {
        return jdbc.sql("SELECT DISTINCT mailbox FROM referral ORDER BY mailbox").query(String.class).list();
    }

    void addCorrection(ReferralId id, FieldCorrection c, String machineProblems) {
        jdbc.sql("""
                INSERT INTO referral_correction (id, referral_id, field_key, mapping_id, machine_value,
                    machine_confidence, machine_problems, previous_value, corrected_value, changed, corrected_by,
                    corrected_at)
                VALUES (:id, :r, :key, :mapping, :machine, :confidence, :problems, :previous, :corrected, :changed,
                    :by, :at)""")
                .param("id", UUID.randomUUID()).param("r", id.value()).param("key", c.key())
                .param("mapping", c.mappingId()).param("machine", c.machineValue())
                .param("confidence", c.machineConfidence()).param("problems", machineProblems)
                .param("previous", c.previousValue()).param("corrected", c.correctedValue())
                .param("changed", c.changed()).param("by", c.correctedBy()).param("at", utc(c.correctedAt()))
                .update();
    }

    List<FieldCorrection> corrections(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral_correction WHERE referral_id = :r ORDER BY corrected_at, field_key, id")
                .param("r", id.value())
                .query((rs, n) -> new FieldCorrection(rs.getString("field_key"), rs.getString("mapping_id"),
                        rs.getString("machine_value"),
                        rs.getObject("machine_confidence") == null ? null : rs.getDouble("machine_confidence"),
                        rs.getString("previous_value"), rs.getString("corrected_value"), rs.getBoolean("changed"),
                        rs.getString("corrected_by"), instant(rs, "corrected_at")))
                .list();
    }

    Optional<ReferralId> referralOfMessage(InboundMessageId messageId) {
        return jdbc.sql("SELECT referral_id FROM referral_message WHERE message_id = :m ORDER BY linked_at LIMIT 1")
                .param("m", messageId.value())
                .query((rs, n) -> new ReferralId(rs.getObject("referral_id", UUID.class))).optional();
    }

    boolean updateStatus(ReferralId id, ReferralStatus from, ReferralStatus to, Instant at) {
        return jdbc.sql("UPDATE referral SET status = :to, updated_at = :at WHERE id = :id AND status = :from")
                .param("to", to.name()).param("at", utc(at)).param("id", id.value()).param("from", from.name())
                .update() == 1;
    }

    void updateForm(ReferralId id, FilledForm form, List<String> missing, boolean reviewNeeded, Instant at) {
        jdbc.sql("""
                UPDATE referral SET form_json = :json, missing_fields = :missing, review_needed = :review,
                    subject_first_name = :firstName, subject_last_name = :lastName, subject_dob = :dob,
                    subject_age = :age, referral_date = :referralDate, incident_date = :incidentDate,
                    referrer_name = :referrerName, referrer_agency = :referrerAgency, referrer_email = :referrerEmail,
                    updated_at = :at
                WHERE id = :id""")
                .param("json", form.toJson()).param("missing", String.join("\n", missing))
                .param("review", reviewNeeded)
                .param("firstName", form.value(FieldKeys.SUBJECT_FIRST_NAME).orElse(null))
                .param("lastName", form.value(FieldKeys.SUBJECT_LAST_NAME).orElse(null))
                .param("dob", form.value(FieldKeys.SUBJECT_DATE_OF_BIRTH).orElse(null))
                .param("age", form.value(FieldKeys.SUBJECT_AGE).filter(a -> a.matches("\\d{1,3}")).map(Integer::valueOf)
                        .orElse(null))
                .param("referralDate", form.value(FieldKeys.REFERRAL_DATE).orElse(null))
                .param("incidentDate", form.value(FieldKeys.REFERRAL_INCIDENT_DATE).orElse(null))
                .param("referrerName", form.value(FieldKeys.REFERRER_NAME).orElse(null))
                .param("referrerAgency", form.value(FieldKeys.REFERRER_AGENCY).orElse(null))
                .param("referrerEmail", form.value(FieldKeys.REFERRER_EMAIL).orElse(null))
                .param("at", utc(at)).param("id", id.value())
                .update();
    }

    void updatePathway(ReferralId id, Pathway pathway, String reason, Instant at) {
        jdbc.sql("UPDATE referral SET pathway = :pathway, pathway_reason = :reason, updated_at = :at WHERE id = :id")
                .param("pathway", pathway.name()).param("reason", reason).param("at", utc(at)).param("id", id.value())
                .update();
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

    List<LinkedMessage> messages(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral_message WHERE referral_id = :r ORDER BY linked_at, message_id")
                .param("r", id.value())
                .query((rs, n) -> new LinkedMessage(new InboundMessageId(rs.getObject("message_id", UUID.class)),
                        rs.getString("role"), instant(rs, "linked_at"), rs.getString("linked_by")))
                .list();
    }

    void addDocument(ReferralId id, ReferralDocument d) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM referral_document WHERE referral_id = :r AND message_id = :m "
                        + "AND part_path = :p")
                .param("r", id.value()).param("m", d.messageId().value()).param("p", d.partPath())
                .query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO referral_document (id, referral_id, message_id, part_path, file_name, content_type, size,
                    sha256, role, added_at)
                VALUES (:id, :r, :m, :p, :name, :type, :size, :sha, :role, :at)""")
                .param("id", d.id()).param("r", id.value()).param("m", d.messageId().value())
                .param("p", d.partPath()).param("name", d.fileName()).param("type", d.contentType())
                .param("size", d.size()).param("sha", d.sha256()).param("role", d.role())
                .param("at", utc(d.addedAt())).update();
    }

    /** Takes a message off a referral (an attachment undone); false if it was not linked. */
    boolean unlinkMessage(ReferralId id, InboundMessageId messageId) {
        return jdbc.sql("DELETE FROM referral_message WHERE referral_id = :r AND message_id = :m")
                .param("r", id.value()).param("m", messageId.value()).update() > 0;
    }

    /** The referral's documents that came in a message: taken off with it. @return how many */
    int removeDocumentsOf(ReferralId id, InboundMessageId messageId) {
        return jdbc.sql("DELETE FROM referral_document WHERE referral_id = :r AND message_id = :m")
                .param("r", id.value()).param("m", messageId.value()).update();
    }

    void addConflict(ReferralId id, FieldConflict c) {
        jdbc.sql("""
                INSERT INTO referral_field_conflict (id, referral_id, field_key, held_value, other_value, source,
                    raised_at, raised_by)
                VALUES (:id, :r, :key, :held, :other, :source, :at, :by)""")
                .param("id", c.id()).param("r", id.value()).param("key", c.key()).param("held", c.heldValue())
                .param("other", c.otherValue()).param("source", c.source()).param("at", utc(c.raisedAt()))
                .param("by", c.raisedBy()).update();
    }

    /** Conflicts not settled yet, oldest first. */
    List<FieldConflict> openConflicts(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral_field_conflict WHERE referral_id = :r AND settled_at IS NULL "
                        + "ORDER BY raised_at, field_key")
                .param("r", id.value())
                .query((rs, n) -> new FieldConflict(rs.getObject("id", UUID.class), rs.getString("field_key"),
                        rs.getString("held_value"), rs.getString("other_value"), rs.getString("source"),
                        instant(rs, "raised_at"), rs.getString("raised_by")))
                .list();
    }

    /** A person looked at the fields after the conflicts were raised: they are settled. */
    int settleConflicts(ReferralId id, Instant at, String by) {
        return jdbc.sql("UPDATE referral_field_conflict SET settled_at = :at, settled_by = :by "
                        + "WHERE referral_id = :r AND settled_at IS NULL")
                .param("at", utc(at)).param("by", by).param("r", id.value()).update();
    }

    /** Holds the referral's row until the transaction ends, so that two additions to it are made one after the other. */
    void lock(ReferralId id) {
        jdbc.sql("SELECT id FROM referral WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class)
                .optional();
    }

    /** A document added by hand: its bytes are already in the content store. */
    void addDocumentByHand(ReferralId id, ReferralDocument d, ContentId content) {
        jdbc.sql("""
                INSERT INTO referral_document (id, referral_id, file_name, content_type, size, sha256, role, added_at,
                    content_id, added_by)
                VALUES (:id, :r, :name, :type, :size, :sha, :role, :at, :content, :by)""")
                .param("id", d.id()).param("r", id.value()).param("name", d.fileName())
                .param("type", d.contentType()).param("size", d.size()).param("sha", d.sha256())
                .param("role", d.role()).param("at", utc(d.addedAt())).param("content", content.value())
                .param("by", d.addedBy()).update();
    }

    /** A document of the referral with these bytes, however it came. */
    Optional<ReferralDocument> documentWithSha(ReferralId id, String sha256) {
        return jdbc.sql("SELECT * FROM referral_document WHERE referral_id = :r AND sha256 = :sha "
                        + "ORDER BY added_at, id")
                .param("r", id.value()).param("sha", sha256).query(ReferralRepository::mapDocument).list().stream()
                .findFirst();
    }

    /** Where the bytes of a document added by hand are kept; empty for a part of a message. */
    Optional<ContentId> contentOf(UUID documentId) {
        return jdbc.sql("SELECT content_id FROM referral_document WHERE id = :id AND content_id IS NOT NULL")
                .param("id", documentId).query((rs, n) -> new ContentId(rs.getObject("content_id", UUID.class)))
                .optional();
    }

    List<ReferralDocument> documents(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral_document WHERE referral_id = :r ORDER BY added_at, part_path")
                .param("r", id.value()).query(ReferralRepository::mapDocument).list();
    }

    Optional<ReferralDocument> document(ReferralId id, UUID documentId) {
        return jdbc.sql("SELECT * FROM referral_document WHERE referral_id = :r AND id = :id")
                .param("r", id.value()).param("id", documentId).query(ReferralRepository::mapDocument).optional();
    }

    void addEvent(ReferralId id, Instant at, String kind, String detail, String actor) {
        jdbc.sql("INSERT INTO referral_event (id, referral_id, at, kind, detail, actor) "
                        + "VALUES (:id, :r, :at, :kind, :detail, :actor)")
                .param("id", UUID.randomUUID()).param("r", id.value()).param("at", utc(at)).param("kind", kind)
                .param("detail", detail).param("actor", actor).update();
    }

    List<TimelineEntry> timeline(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral_event WHERE referral_id = :r ORDER BY at, id")
                .param("r", id.value())
                .query((rs, n) -> new TimelineEntry(instant(rs, "at"), rs.getString("kind"), rs.getString("detail"),
                        rs.getString("actor")))
                .list();
    }

    // intake outcomes

    record IntakeOutcome(InboundMessageId messageId, String contentKey, String outcome, ReferralId referralId,
            String reason) {
    }

    Optional<IntakeOutcome> intakeOutcome(InboundMessageId messageId) {
        return jdbc.sql("SELECT * FROM intake_outcome WHERE message_id = :m").param("m", messageId.value())
                .query(ReferralRepository::mapOutcome).optional();
    }

    List<IntakeOutcome> intakeOutcomesForContent(String contentKey) {
        return jdbc.sql("SELECT * FROM intake_outcome WHERE content_key = :k ORDER BY decided_at")
                .param("k", contentKey).query(ReferralRepository::mapOutcome).list();
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

    private static ReferralDocument mapDocument(ResultSet rs, int n) throws SQLException {
        UUID message = rs.getObject("message_id", UUID.class);
        return new ReferralDocument(rs.getObject("id", UUID.class),
                message == null ? null : new InboundMessageId(message), rs.getString("part_path"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("role"), instant(rs, "added_at"), rs.getString("added_by"));
    }

    static Referral map(ResultSet rs, int n) throws SQLException {
        String missing = rs.getString("missing_fields");
        Integer age = rs.getObject("subject_age") == null ? null : rs.getInt("subject_age");
        return new Referral(new ReferralId(rs.getObject("id", UUID.class)),
                ReferralReference.parse(rs.getString("reference")), Pathway.valueOf(rs.getString("pathway")),
                rs.getString("pathway_reason"), ReferralStatus.valueOf(rs.getString("status")),
                rs.getString("mailbox"), instant(rs, "received_at"),
                new SubjectSummary(rs.getString("subject_first_name"), rs.getString("subject_last_name"),
                        rs.getString("subject_dob"), age),
                new ReferrerSummary(rs.getString("referrer_name"), rs.getString("referrer_agency"),
                        rs.getString("referrer_email"), rs.getString("sender_address")),
                rs.getString("form_source"), FilledForm.fromJson(rs.getString("form_json")),
                missing == null || missing.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(missing.split("\n"))),
                rs.getBoolean("review_needed"), rs.getString("created_by"), instant(rs, "updated_at"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
