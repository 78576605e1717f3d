-- The exceptions queue: whatever the machine could not settle, with a reason code, a plain-English explanation
-- without personal data, links to the evidence, and who resolved it and how.
CREATE TABLE exception_item (
    id                 UUID                     NOT NULL PRIMARY KEY,
    reason             VARCHAR(40)              NOT NULL,
    explanation        VARCHAR(1000)            NOT NULL,
    message_id         UUID,
    referral_reference VARCHAR(20),
    outbound_mail_id   UUID,
    mailbox            VARCHAR(64),
    source_key         VARCHAR(200)             NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    resolved_by        VARCHAR(100),
    resolution         VARCHAR(40),
    resolution_note    VARCHAR(2000),
    CONSTRAINT uq_exception_item_source UNIQUE (source_key)
);
CREATE INDEX ix_exception_item_status ON exception_item (status, created_at);
