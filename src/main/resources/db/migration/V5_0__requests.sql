-- Information requests to partner agencies: one per agency per referral. Refers to the referral by id and
-- reference (no foreign key across modules).
CREATE TABLE information_request (
    id                   UUID                     NOT NULL PRIMARY KEY,
    referral_id          UUID                     NOT NULL,
    referral_reference   VARCHAR(20)              NOT NULL,
    pathway              VARCHAR(30)              NOT NULL,
    agency_code          VARCHAR(20)              NOT NULL,
    status               VARCHAR(20)              NOT NULL,
    mailbox              VARCHAR(64)              NOT NULL,
    to_addresses         VARCHAR                  NOT NULL,
    reply_tag            VARCHAR(64)              NOT NULL,
    reply_address        VARCHAR(320)             NOT NULL,
    template             VARCHAR(100)             NOT NULL,
    working_days         INT                      NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(100)             NOT NULL,
    send_after           TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at              TIMESTAMP WITH TIME ZONE,
    deadline_start       DATE,
    due_date             DATE,
    deadline_convention  VARCHAR(200),
    outbound_mail_id     UUID,
    message_id           VARCHAR(255),
    matched_by           VARCHAR(30),
    answered_at          TIMESTAMP WITH TIME ZONE,
    delivery_problem_at  TIMESTAMP WITH TIME ZONE,
    delivery_problem     VARCHAR(500),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_information_request_agency UNIQUE (referral_id, agency_code),
    CONSTRAINT uq_information_request_reply_tag UNIQUE (reply_tag)
);
CREATE INDEX ix_information_request_reference ON information_request (referral_reference);
CREATE INDEX ix_information_request_status ON information_request (status, send_after);

-- Reminders, overdue notices and escalations: the primary key makes each happen once per request, however often
-- the daily job runs and however long the service was off.
CREATE TABLE request_action (
    request_id       UUID                     NOT NULL,
    kind             VARCHAR(30)              NOT NULL,
    due_on           DATE                     NOT NULL,
    done_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome          VARCHAR(20)              NOT NULL,
    outbound_mail_id UUID,
    note             VARCHAR(500),
    PRIMARY KEY (request_id, kind)
);

-- Messages recorded against a request (returns, "not known", further replies, out-of-office replies, held ones),
-- with the rule that tied each to it.
CREATE TABLE request_reply (
    request_id  UUID                     NOT NULL,
    message_id  UUID                     NOT NULL,
    kind        VARCHAR(20)              NOT NULL,
    matched_by  VARCHAR(30)              NOT NULL,
    note        VARCHAR(1000),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(100)             NOT NULL,
    PRIMARY KEY (request_id, message_id)
);
CREATE INDEX ix_request_reply_recorded ON request_reply (recorded_at);

-- A return's documents are parts of stored messages (files inside a winmail.dat included): no second copy.
CREATE TABLE request_document (
    id           UUID                     NOT NULL PRIMARY KEY,
    request_id   UUID                     NOT NULL,
    message_id   UUID                     NOT NULL,
    part_path    VARCHAR(200)             NOT NULL,
    file_name    VARCHAR                  NOT NULL,
    content_type VARCHAR(200)             NOT NULL,
    size         BIGINT                   NOT NULL,
    sha256       VARCHAR(64)              NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_request_document UNIQUE (request_id, message_id, part_path)
);

-- Dated statutory milestones of a referral (the Rapid Review's national panel notification and day-15 report).
CREATE TABLE referral_milestone (
    referral_id         UUID                     NOT NULL,
    referral_reference  VARCHAR(20)              NOT NULL,
    kind                VARCHAR(60)              NOT NULL,
    start_date          DATE                     NOT NULL,
    working_days        INT                      NOT NULL,
    due_date            DATE                     NOT NULL,
    convention          VARCHAR(200)             NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (referral_id, kind)
);

-- One digest per day: the row is written with the digest's outbox row, so it goes once.
CREATE TABLE request_digest (
    digest_date      DATE                     NOT NULL PRIMARY KEY,
    covers_from      TIMESTAMP WITH TIME ZONE NOT NULL,
    covers_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    outbound_mail_id UUID
);
