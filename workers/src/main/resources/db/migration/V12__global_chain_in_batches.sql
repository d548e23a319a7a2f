-- The global chain is no longer linked by each append under one lock that every append in the
-- system queued for; appends link only their case's chain, and GlobalChain links new rows into
-- the global chain in batches, in the order it finds them committed. global_seq is a row's place
-- in the global chain; NULL until it is linked there.
ALTER TABLE audit_event
  ADD COLUMN global_seq BIGINT NULL AFTER case_hash,
  MODIFY global_hash CHAR(64) NULL;
-- the rows linked so far were linked in the order of their ids; the head's last_id is the last one
UPDATE audit_event SET global_seq = id;
CREATE UNIQUE INDEX uk_audit_event_global_seq ON audit_event (global_seq);
