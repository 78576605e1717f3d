-- Every message taken from a panel mailbox: one row per copy per mailbox, committed with its raw bytes before
-- the message is moved on the server.
CREATE TABLE inbound_message (
    id                UUID                     NOT NULL PRIMARY KEY,
    mailbox           VARCHAR(64)              NOT NULL,
    mailbox_address   VARCHAR(320)             NOT NULL,
    folder            VARCHAR(255)             NOT NULL,
    uid_validity      BIGINT                   NOT NULL,
    uid               BIGINT                   NOT NULL,
    message_id_header VARCHAR,
    sender            VARCHAR,
    recipients        VARCHAR,
    subject           VARCHAR,
    sent_at           TIMESTAMP WITH TIME ZONE,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    size              BIGINT                   NOT NULL,
    sha256            VARCHAR(64)              NOT NULL,
    content_key       VARCHAR(64)              NOT NULL,
    raw_content_id    UUID,
    quarantine_reason VARCHAR(64),
    moved_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_inbound_message_uid UNIQUE (mailbox, uid_validity, uid),
    CONSTRAINT uq_inbound_message_sha UNIQUE (mailbox, sha256)
);
CREATE INDEX ix_inbound_message_content_key ON inbound_message (content_key);
CREATE INDEX ix_inbound_message_message_id ON inbound_message (message_id_header);
CREATE INDEX ix_inbound_message_received ON inbound_message (received_at);
