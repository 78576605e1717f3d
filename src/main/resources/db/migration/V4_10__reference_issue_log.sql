-- Every reference number handed out, in a short transaction of its own (so intakes do not queue on the counter).
-- A number whose referral never committed (an intake interrupted or rolled back) is a gap in the sequence: the
-- sweep of truth writes why here (and to the audit trail); a number is never handed out twice.
CREATE TABLE referral_reference_issued (
    reference     VARCHAR(20)              NOT NULL PRIMARY KEY,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_for    VARCHAR(80)              NOT NULL,
    unused_reason VARCHAR(300)
);
CREATE INDEX ix_reference_issued_at ON referral_reference_issued (issued_at);
