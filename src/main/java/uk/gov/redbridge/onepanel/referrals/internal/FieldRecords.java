package uk.gov.redbridge.onepanel.referrals.internal;

import static uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository.instant;
import static uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.referrals.FieldCorrection;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.FieldConflict;

/**
 * What people did to a referral's fields: corrections and confirmations on the review page (the machine's value
 * kept beside them), and the conflicts a form added later raised until a review settles them.
 */
@Repository
public class FieldRecords {

    private final JdbcClient jdbc;

    FieldRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    public List<FieldCorrection> corrections(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral_correction WHERE referral_id = :r ORDER BY corrected_at, field_key, id")
                .param("r", id.value())
                .query((rs, n) -> new FieldCorrection(rs.getString("field_key"), rs.getString("mapping_id"),
                        rs.getString("machine_value"),
                        rs.getObject("machine_confidence") == null ? null : rs.getDouble("machine_confidence"),
                        rs.getString("previous_value"), rs.getString("corrected_value"), rs.getBoolean("changed"),
                        rs.getString("corrected_by"), instant(rs, "corrected_at")))
                .list();
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
    public List<FieldConflict> openConflicts(ReferralId id) {
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
}
