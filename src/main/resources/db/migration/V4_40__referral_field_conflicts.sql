-- Where a form added later (by hand, or a referrer's reply) gives a value other than the one the referral holds:
-- both are kept, side by side, until a person settles the field on the review page. The referral's own value is
-- never overwritten by the machine.
CREATE TABLE referral_field_conflict (
    id           UUID                     NOT NULL PRIMARY KEY,
    referral_id  UUID                     NOT NULL,
    field_key    VARCHAR(100)             NOT NULL,
    held_value   VARCHAR                  NOT NULL,
    other_value  VARCHAR                  NOT NULL,
    source       VARCHAR(300)             NOT NULL,
    raised_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    raised_by    VARCHAR(100)             NOT NULL,
    settled_at   TIMESTAMP WITH TIME ZONE,
    settled_by   VARCHAR(100)
);
CREATE INDEX ix_referral_field_conflict_referral ON referral_field_conflict (referral_id, settled_at);
