-- The state a request was in before a reply answered it: a reply attached by hand to the wrong request can be
-- taken off again and the request given back its state.
ALTER TABLE request_reply ADD COLUMN status_before VARCHAR(20);
