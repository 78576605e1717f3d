-- The queue's rows say what each email is without opening it: the names of its attachments (file names only,
-- never their content), kept when the item is raised. An item resolved by tying it to a referral keeps the
-- reference the email itself named, so the resolution can be undone and the item given back its own.
ALTER TABLE exception_item ADD COLUMN attachment_names VARCHAR(2000);
ALTER TABLE exception_item ADD COLUMN named_reference VARCHAR(20);
CREATE INDEX ix_exception_item_reason ON exception_item (status, reason);
