-- The outbox: one row per outgoing email, written in the transaction of the change that causes it.
-- The whole MIME message (with its Message-ID) is built at that moment and kept in stored_content, so what is
-- sent is exactly what was decided, however late the sender runs.
CREATE TABLE outbound_mail (
    id                 UUID                     NOT NULL PRIMARY KEY,
    message_id         VARCHAR(255)             NOT NULL,
    template           VARCHAR(100)             NOT NULL,
    from_mailbox       VARCHAR(64)              NOT NULL,
    from_address       VARCHAR(320)             NOT NULL,
    to_addresses       VARCHAR                  NOT NULL,
    cc_addresses       VARCHAR,
    subject            VARCHAR                  NOT NULL,
    mime_content_id    UUID                     NOT NULL,
    state              VARCHAR(20)              NOT NULL,
    attempts           INT                      NOT NULL,
    next_attempt_at    TIMESTAMP WITH TIME ZONE,
    sending_by         VARCHAR(255),
    sending_since      TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at            TIMESTAMP WITH TIME ZONE,
    last_error         VARCHAR(500),
    referral_reference VARCHAR(20),
    correlation        VARCHAR(200),
    CONSTRAINT uq_outbound_mail_message_id UNIQUE (message_id)
);
CREATE INDEX ix_outbound_mail_due ON outbound_mail (state, next_attempt_at);
CREATE INDEX ix_outbound_mail_referral ON outbound_mail (referral_reference);

-- One row per recipient (To and Cc), for the loop guard and for matching replies by address.
CREATE TABLE outbound_recipient (
    mail_id    UUID                     NOT NULL,
    address    VARCHAR(320)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mail_id, address)
);
CREATE INDEX ix_outbound_recipient_address ON outbound_recipient (address, created_at);
