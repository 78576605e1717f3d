-- Think Family links (module links). Derived from the referrals' forms and worked out again whenever a form
-- changes; only the secretariat's decisions (state, reason, who, when) are not derived. No foreign keys to the
-- referrals module's tables: modules refer to each other by id.

-- One row per person a referral names: what matching compares (normalised), never logged.
CREATE TABLE link_person (
    referral_id   UUID         NOT NULL,
    slot          VARCHAR(20)  NOT NULL,
    relationship  VARCHAR(60),
    names         VARCHAR(1000),
    date_of_birth DATE,
    nhs_number    VARCHAR(10),
    postcode      VARCHAR(8),
    premise       VARCHAR(80),
    PRIMARY KEY (referral_id, slot)
);

-- Blocking keys, as keyed hashes: a new referral is compared only with people who share a key (primary key
-- index on key_hash first: a lookup, not a scan).
CREATE TABLE link_key (
    key_hash    CHAR(32)    NOT NULL,
    kind        CHAR(1)     NOT NULL,
    referral_id UUID        NOT NULL,
    slot        VARCHAR(20) NOT NULL,
    PRIMARY KEY (key_hash, referral_id, slot)
);
CREATE INDEX ix_link_key_referral ON link_key (referral_id);

-- A link between one person of each of two referrals, stored once (referral_a < referral_b) and shown from
-- both sides. state: FOUND, CONFIRMED, REJECTED. evidence: codes, comma-separated. current: found by the last
-- matching of both referrals (a confirmed or rejected link stays when the evidence goes).
CREATE TABLE referral_link (
    id               UUID                     NOT NULL PRIMARY KEY,
    referral_a       UUID                     NOT NULL,
    slot_a           VARCHAR(20)              NOT NULL,
    referral_b       UUID                     NOT NULL,
    slot_b           VARCHAR(20)              NOT NULL,
    kind             VARCHAR(20)              NOT NULL,
    strength         VARCHAR(10)              NOT NULL,
    evidence         VARCHAR(300)             NOT NULL,
    state            VARCHAR(10)              NOT NULL,
    is_current       BOOLEAN                  NOT NULL,
    found_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_reason  VARCHAR(500),
    decided_evidence VARCHAR(300),
    CONSTRAINT uq_referral_link UNIQUE (referral_a, slot_a, referral_b, slot_b)
);
CREATE INDEX ix_referral_link_b ON referral_link (referral_b);
CREATE INDEX ix_referral_link_found ON referral_link (found_at);

-- Every confirmation and rejection, oldest first (the audit log has them too).
CREATE TABLE referral_link_decision (
    id         UUID                     NOT NULL PRIMARY KEY,
    link_id    UUID                     NOT NULL,
    decision   VARCHAR(10)              NOT NULL,
    evidence   VARCHAR(300)             NOT NULL,
    reason     VARCHAR(500)             NOT NULL,
    decided_by VARCHAR(100)             NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_referral_link_decision_link ON referral_link_decision (link_id);

-- One row: taken FOR UPDATE so that two referrals are never matched at the same time (each would miss the other),
-- and the version of the rules the links were worked out with (a change re-matches every referral once).
CREATE TABLE link_matching (
    id            INT                      NOT NULL PRIMARY KEY,
    rules_version VARCHAR(100),
    rematched_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO link_matching (id, rules_version, rematched_at) VALUES (1, NULL, NULL);
