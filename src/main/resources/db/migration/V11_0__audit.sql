-- Who saw or changed what, when, from where: append-only (the service never updates or deletes a row). Ids and
-- references only, never personal data. Times in UTC.
CREATE TABLE audit_event (
    id                 UUID                     NOT NULL PRIMARY KEY,
    at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    actor              VARCHAR(100)             NOT NULL,
    action             VARCHAR(60)              NOT NULL,
    referral_reference VARCHAR(20),
    exception_id       UUID,
    document_id        UUID,
    message_id         UUID,
    ip                 VARCHAR(64),
    outcome            VARCHAR(40)              NOT NULL,
    detail             VARCHAR(500)
);
CREATE INDEX ix_audit_event_referral ON audit_event (referral_reference, at);
CREATE INDEX ix_audit_event_exception ON audit_event (exception_id, at);
CREATE INDEX ix_audit_event_at ON audit_event (at);
