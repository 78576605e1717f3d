-- Takes of a message that started and have not finished (issue 11: a message whose take never returns). A row is
-- written before a new message is taken and deleted when the take ends, however it ends; a row left behind means
-- the take hung or the service stopped during it. After a few such starts in a row the message is set aside
-- (too_complex) without being tried again, so one message cannot stop its mailbox for good, restart after restart.
CREATE TABLE mailbox_attempt (
    mailbox      VARCHAR(64)              NOT NULL,
    uid_validity BIGINT                   NOT NULL,
    uid          BIGINT                   NOT NULL,
    unfinished   INTEGER                  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mailbox, uid_validity, uid)
);
