-- Meeting packs as issued to the panel members (module papers). The PDF is kept in stored_content (encrypted at rest
-- when a key is set); the manifest (a line per document and return state) tells what changed before a re-issue.
-- meeting_id is the meetings module's id: no foreign key across modules.
CREATE TABLE paper_pack (
    id            UUID                     NOT NULL PRIMARY KEY,
    meeting_id    UUID                     NOT NULL,
    meeting_date  DATE                     NOT NULL,
    issue         INT                      NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by     VARCHAR(100)             NOT NULL,
    content_id    UUID                     NOT NULL,
    size          BIGINT                   NOT NULL,
    pages         INT                      NOT NULL,
    sha256        VARCHAR(64)              NOT NULL,
    manifest      VARCHAR                  NOT NULL,
    changes       VARCHAR                  NOT NULL,
    contents      VARCHAR                  NOT NULL,
    not_converted VARCHAR                  NOT NULL,
    CONSTRAINT uq_paper_pack_issue UNIQUE (meeting_id, issue)
);
