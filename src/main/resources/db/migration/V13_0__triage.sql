-- What each inbound message was taken to be, and by which rule (one row per message: triage is idempotent).
CREATE TABLE triage_decision (
    message_id UUID                     NOT NULL PRIMARY KEY,
    verdict    VARCHAR(30)              NOT NULL,
    rule       VARCHAR(60)              NOT NULL,
    detail     VARCHAR(500),
    automatic  BOOLEAN                  NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL
);
