-- An agency's return that did not come by email (sent through a secure portal such as Egress, or on paper and
-- scanned) is added by hand by the secretariat: it has no message, its bytes are in the content store (encrypted at
-- rest), and who added it is kept with it. A document that came by email keeps pointing at its message part.
ALTER TABLE request_document ALTER COLUMN message_id DROP NOT NULL;
ALTER TABLE request_document ALTER COLUMN part_path DROP NOT NULL;
ALTER TABLE request_document ADD COLUMN content_id UUID;
ALTER TABLE request_document ADD COLUMN added_by VARCHAR(100);
-- a row always finds its bytes: in a stored message, or in the content store
ALTER TABLE request_document ADD CONSTRAINT ck_request_document_source
    CHECK (content_id IS NOT NULL OR (message_id IS NOT NULL AND part_path IS NOT NULL));
-- the same file added twice to a request (a form submitted twice) is found by its hash
CREATE INDEX ix_request_document_sha ON request_document (request_id, sha256);

-- who did a step by hand (a return added by the secretariat); null for the service's own daily job
ALTER TABLE request_action ADD COLUMN done_by VARCHAR(100);
