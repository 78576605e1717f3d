-- A document the secretariat adds by hand (a form that came by post or through a secure portal, a chronology) has
-- no message: its bytes are in the content store (encrypted at rest), and who added it is kept with it.
ALTER TABLE referral_document ALTER COLUMN message_id DROP NOT NULL;
ALTER TABLE referral_document ALTER COLUMN part_path DROP NOT NULL;
ALTER TABLE referral_document ADD COLUMN content_id UUID;
ALTER TABLE referral_document ADD COLUMN added_by VARCHAR(100);
CREATE INDEX ix_referral_document_sha ON referral_document (referral_id, sha256);
