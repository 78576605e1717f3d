-- People who sign in: the secretariat, chairs, read-only users, and API clients. Passwords as bcrypt hashes.
CREATE TABLE app_user (
    username      VARCHAR(100)             NOT NULL PRIMARY KEY,
    password_hash VARCHAR(200)             NOT NULL,
    roles         VARCHAR(200)             NOT NULL,
    display_name  VARCHAR(200),
    enabled       BOOLEAN                  NOT NULL,
    source        VARCHAR(20)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
