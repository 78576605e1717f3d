-- The referral log. One referral per referral email (content_key: the same email in two mailboxes, or re-sent
-- with other transport headers, is one referral; its copies are linked, not dropped).
CREATE TABLE referral (
    id                  UUID                     NOT NULL PRIMARY KEY,
    reference           VARCHAR(20)              NOT NULL,
    pathway             VARCHAR(30)              NOT NULL,
    pathway_reason      VARCHAR(500)             NOT NULL,
    status              VARCHAR(30)              NOT NULL,
    mailbox             VARCHAR(64)              NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sender_address      VARCHAR(320),
    subject_first_name  VARCHAR,
    subject_last_name   VARCHAR,
    subject_dob         VARCHAR(20),
    subject_age         INT,
    referral_date       VARCHAR(20),
    incident_date       VARCHAR(20),
    referrer_name       VARCHAR,
    referrer_agency     VARCHAR,
    referrer_email      VARCHAR(320),
    form_source         VARCHAR,
    form_json           VARCHAR                  NOT NULL,
    missing_fields      VARCHAR,
    review_needed       BOOLEAN                  NOT NULL,
    content_key         VARCHAR(64),
    created_by          VARCHAR(100)             NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_referral_reference UNIQUE (reference),
    CONSTRAINT uq_referral_content_key UNIQUE (content_key)
);
CREATE INDEX ix_referral_status ON referral (status);
CREATE INDEX ix_referral_received ON referral (received_at);

-- Sequential per year, never reused: the counter row is locked by the UPDATE that takes a number.
CREATE TABLE referral_reference_counter (
    counter_year INT NOT NULL PRIMARY KEY,
    last_number INT NOT NULL
);

-- Every message that belongs to a referral: the original, copies of it, replies.
CREATE TABLE referral_message (
    referral_id UUID                     NOT NULL,
    message_id  UUID                     NOT NULL,
    role        VARCHAR(30)              NOT NULL,
    linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    linked_by   VARCHAR(100)             NOT NULL,
    PRIMARY KEY (referral_id, message_id)
);
CREATE INDEX ix_referral_message_message ON referral_message (message_id);

-- Documents are parts of stored messages: no second copy of the bytes.
CREATE TABLE referral_document (
    id           UUID                     NOT NULL PRIMARY KEY,
    referral_id  UUID                     NOT NULL,
    message_id   UUID                     NOT NULL,
    part_path    VARCHAR(200)             NOT NULL,
    file_name    VARCHAR                  NOT NULL,
    content_type VARCHAR(200)             NOT NULL,
    size         BIGINT                   NOT NULL,
    sha256       VARCHAR(64)              NOT NULL,
    role         VARCHAR(30)              NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_referral_document UNIQUE (referral_id, message_id, part_path)
);

-- The case timeline: what happened to a referral, in words without personal data.
CREATE TABLE referral_event (
    id          UUID                     NOT NULL PRIMARY KEY,
    referral_id UUID                     NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(40)              NOT NULL,
    detail      VARCHAR(1000),
    actor       VARCHAR(100)             NOT NULL
);
CREATE INDEX ix_referral_event_referral ON referral_event (referral_id, at);

-- What intake did with each referral message, so a redelivered event or a copy changes nothing.
CREATE TABLE intake_outcome (
    message_id  UUID                     NOT NULL PRIMARY KEY,
    content_key VARCHAR(64)              NOT NULL,
    outcome     VARCHAR(30)              NOT NULL,
    referral_id UUID,
    reason      VARCHAR(40),
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_intake_outcome_content_key ON intake_outcome (content_key);
