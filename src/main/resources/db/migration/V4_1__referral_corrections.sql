-- The secretariat's field review: one row per field they changed, or (changed = FALSE) per doubtful field they
-- confirmed as read. The machine's own value and confidence are kept beside the correction, so extraction quality
-- can be measured per mapping and per field; the referral's form holds the corrected value.
CREATE TABLE referral_correction (
    id                 UUID                     NOT NULL PRIMARY KEY,
    referral_id        UUID                     NOT NULL,
    field_key          VARCHAR(100)             NOT NULL,
    mapping_id         VARCHAR(100),
    machine_value      VARCHAR,
    machine_confidence DOUBLE PRECISION,
    machine_problems   VARCHAR,
    previous_value     VARCHAR,
    corrected_value    VARCHAR,
    changed            BOOLEAN                  NOT NULL,
    corrected_by       VARCHAR(100)             NOT NULL,
    corrected_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_referral_correction_referral ON referral_correction (referral_id, corrected_at);
CREATE INDEX ix_referral_correction_field ON referral_correction (mapping_id, field_key);
