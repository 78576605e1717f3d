CREATE TABLE stored_content (
    id         UUID                     NOT NULL PRIMARY KEY,
    sha256     VARCHAR(64)              NOT NULL,
    size       BIGINT                   NOT NULL,
    key_id     VARCHAR(64),
    content    BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
