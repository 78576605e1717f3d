-- The sweep of truth (system.internal.TruthSweep): work it tried to finish and could not, per kind and item, so
-- that after a few tries it is raised as an exception instead of tried for ever.
CREATE TABLE sweep_attempt (
    kind        VARCHAR(30)              NOT NULL,
    item        VARCHAR(80)              NOT NULL,
    attempts    INT                      NOT NULL,
    last_error  VARCHAR(200),
    last_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    given_up_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (kind, item)
);
