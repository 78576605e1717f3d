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
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralSearch;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.ReferrerSummary;
import uk.gov.redbridge.onepanel.referrals.SubjectSummary;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** The referral table: one row a referral, with the form it holds and the columns the log is searched by. */
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

    public Optional<Referral> find(ReferralReference reference) {
        return jdbc.sql("SELECT * FROM referral WHERE reference = :ref").param("ref", reference.toString())
                .query(ReferralRepository::map).optional();
    }

    public Optional<Referral> find(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral WHERE id = :id").param("id", id.value())
                .query(ReferralRepository::map).optional();
    }

    Optional<ReferralId> findIdByContentKey(String contentKey) {
        return jdbc.sql("SELECT id FROM referral WHERE content_key = :key").param("key", contentKey)
                .query((rs, n) -> new ReferralId(rs.getObject("id", UUID.class))).optional();
    }

    public List<ReferralId> ids() {
        return jdbc.sql("SELECT id FROM referral ORDER BY received_at, reference")
                .query((rs, n) -> new ReferralId(rs.getObject(1, UUID.class))).list();
    }

    public List<Referral> latest(int limit) {
        return jdbc.sql("SELECT * FROM referral ORDER BY received_at DESC, reference DESC LIMIT :limit")
                .param("limit", limit).query(ReferralRepository::map).list();
    }

    public List<Referral> receivedBetween(java.time.Instant from, java.time.Instant to) {
        return jdbc.sql("SELECT * FROM referral WHERE received_at >= :from AND received_at < :to "
                + "ORDER BY received_at, reference")
                .param("from", java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .param("to", java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
                .query(ReferralRepository::map).list();
    }

    public List<Referral> withStatus(ReferralStatus status) {
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

    public long countReceivedSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM referral WHERE received_at >= :since").param("since", utc(since))
                .query(Long.class).single();
    }

    public long countNeedingReview() {
        return jdbc.sql("SELECT COUNT(*) FROM referral WHERE review_needed = TRUE AND status <> 'CLOSED'")
                .query(Long.class).single();
    }

    /** Every mailbox a referral was logged from, for the log's filter. */
    List<String> mailboxes() {
        return jdbc.sql("SELECT DISTINCT mailbox FROM referral ORDER BY mailbox").query(String.class).list();
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

    /** Holds the referral's row until the transaction ends, so that two additions to it are made one after the other. */
    void lock(ReferralId id) {
        jdbc.sql("SELECT id FROM referral WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class)
                .optional();
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
