-- What the service knows of each mailbox, shared by every instance: when it was last checked successfully, how it
-- last failed and when it may be tried again (backoff, also for authentication failures), the UIDVALIDITY last seen
-- and the server capabilities in use. The health endpoint of every instance reads it, so an instance that does not
-- hold the polling lock still reports the truth.
CREATE TABLE mailbox_state (
    mailbox              VARCHAR(64)              NOT NULL PRIMARY KEY,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    last_failure_at      TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER                  NOT NULL,
    failure_kind         VARCHAR(32),
    next_attempt_at      TIMESTAMP WITH TIME ZONE,
    uid_validity         BIGINT,
    capabilities         VARCHAR(255),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A stored copy whose UID a broken server has given to another message no longer has a known place in the folder:
-- its uid becomes NULL (NULLs never collide in the unique key), and the bytes are still found by their SHA-256.
ALTER TABLE inbound_message ALTER COLUMN uid DROP NOT NULL;
