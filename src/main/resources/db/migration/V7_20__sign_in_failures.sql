-- Failed sign-ins (form and HTTP Basic alike), for throttling and lockout per user name and per address (issue 11).
-- A user name with too many recent failures is locked; so is an address. A success clears the user name's rows;
-- the secretariat may clear a lock by hand (audited). Rows older than the window no longer count.
CREATE TABLE sign_in_failure (
    id       UUID                     NOT NULL PRIMARY KEY,
    username VARCHAR(100)             NOT NULL,
    address  VARCHAR(64),
    at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_sign_in_failure_username ON sign_in_failure (username, at);
CREATE INDEX ix_sign_in_failure_address ON sign_in_failure (address, at);
