-- Panel meetings (module meetings). Referrals are referred to by id and reference, agencies by code: no foreign
-- keys across modules.
CREATE TABLE meeting (
    id               UUID                     NOT NULL PRIMARY KEY,
    slot             VARCHAR(7),
    meeting_date     DATE                     NOT NULL,
    starts_at        VARCHAR(5)               NOT NULL,
    location         VARCHAR(300),
    papers_deadline  DATE                     NOT NULL,
    cancelled_reason VARCHAR(2000),
    cancelled_at     TIMESTAMP WITH TIME ZONE,
    cancelled_by     VARCHAR(100),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(100)             NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the schedule writes each month's meeting once, however often it runs and on however many instances
    CONSTRAINT uq_meeting_slot UNIQUE (slot)
);
CREATE INDEX ix_meeting_date ON meeting (meeting_date);

CREATE TABLE agenda_item (
    id                 UUID                     NOT NULL PRIMARY KEY,
    meeting_id         UUID                     NOT NULL REFERENCES meeting (id),
    position           INT                      NOT NULL,
    referral_id        UUID,
    referral_reference VARCHAR(20),
    title              VARCHAR(300)             NOT NULL,
    detail             VARCHAR(1000),
    state              VARCHAR(30)              NOT NULL,
    added_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by           VARCHAR(100)             NOT NULL,
    removed_at         TIMESTAMP WITH TIME ZONE,
    removed_by         VARCHAR(100)
);
CREATE INDEX ix_agenda_item_meeting ON agenda_item (meeting_id);
CREATE INDEX ix_agenda_item_referral ON agenda_item (referral_reference);

CREATE TABLE attendance (
    meeting_id  UUID                     NOT NULL REFERENCES meeting (id),
    agency_code VARCHAR(20)              NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    role        VARCHAR(200),
    member      BOOLEAN                  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(100)             NOT NULL,
    PRIMARY KEY (meeting_id, agency_code, name)
);

-- One vote per agency per item, however many of its people attend: the primary key holds it.
CREATE TABLE vote (
    item_id     UUID                     NOT NULL REFERENCES agenda_item (id),
    agency_code VARCHAR(20)              NOT NULL,
    choice      VARCHAR(30)              NOT NULL,
    cast_by     VARCHAR(200)             NOT NULL,
    cast_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(100)             NOT NULL,
    PRIMARY KEY (item_id, agency_code)
);

CREATE TABLE decision (
    id                  UUID                     NOT NULL PRIMARY KEY,
    item_id             UUID                     NOT NULL REFERENCES agenda_item (id),
    meeting_id          UUID                     NOT NULL REFERENCES meeting (id),
    referral_id         UUID,
    referral_reference  VARCHAR(20),
    meeting_date        DATE                     NOT NULL,
    by_email            BOOLEAN                  NOT NULL,
    recommendations     VARCHAR(200)             NOT NULL,
    lead_process        VARCHAR(30),
    sar_basis           VARCHAR(20),
    focus               VARCHAR,
    methodologies       VARCHAR(500)             NOT NULL,
    reasons             VARCHAR                  NOT NULL,
    dissenting_agencies VARCHAR(500)             NOT NULL,
    dissent_note        VARCHAR,
    escalated           BOOLEAN                  NOT NULL,
    quorum              VARCHAR(1000)            NOT NULL,
    votes               VARCHAR(2000)            NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by         VARCHAR(100)             NOT NULL,
    board_outcome       VARCHAR(20)              NOT NULL,
    board_decision      VARCHAR(30),
    board_sar_basis     VARCHAR(20),
    board_decided_by    VARCHAR(200),
    board_decided_on    DATE,
    board_reason        VARCHAR,
    board_recorded_at   TIMESTAMP WITH TIME ZONE,
    board_recorded_by   VARCHAR(100),
    CONSTRAINT uq_decision_item UNIQUE (item_id)
);
CREATE INDEX ix_decision_referral ON decision (referral_reference);

CREATE TABLE follow_up_action (
    decision_id UUID         NOT NULL REFERENCES decision (id),
    position    INT          NOT NULL,
    description VARCHAR      NOT NULL,
    owner       VARCHAR(200),
    due         DATE,
    PRIMARY KEY (decision_id, position)
);

CREATE TABLE further_information (
    id           UUID                     NOT NULL PRIMARY KEY,
    item_id      UUID                     NOT NULL REFERENCES agenda_item (id),
    question     VARCHAR                  NOT NULL,
    due          DATE,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by VARCHAR(100)             NOT NULL
);

-- Members' answers by email: one row per answering message.
CREATE TABLE member_answer (
    request_id  UUID                     NOT NULL REFERENCES further_information (id),
    message_id  UUID                     NOT NULL,
    email       VARCHAR(320)             NOT NULL,
    name        VARCHAR(200),
    agency_code VARCHAR(20),
    position    VARCHAR(30),
    answer      VARCHAR                  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, message_id)
);

CREATE TABLE review (
    id                     UUID                     NOT NULL PRIMARY KEY,
    decision_id            UUID                     NOT NULL REFERENCES decision (id),
    referral_reference     VARCHAR(20)              NOT NULL,
    review_type            VARCHAR(30)              NOT NULL,
    duty_holder            VARCHAR(30)              NOT NULL,
    state                  VARCHAR(30)              NOT NULL,
    commissioned_on        DATE,
    reviewer               VARCHAR(200),
    final_report_shared_on DATE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_review_decision UNIQUE (decision_id)
);

CREATE TABLE review_milestone (
    id        UUID         NOT NULL PRIMARY KEY,
    review_id UUID         NOT NULL REFERENCES review (id),
    name      VARCHAR(200) NOT NULL,
    due       DATE         NOT NULL,
    done      DATE
);

CREATE TABLE review_action (
    id          UUID         NOT NULL PRIMARY KEY,
    review_id   UUID         NOT NULL REFERENCES review (id),
    description VARCHAR      NOT NULL,
    owner       VARCHAR(200),
    overseen_by VARCHAR(200),
    due         DATE,
    done        DATE
);
