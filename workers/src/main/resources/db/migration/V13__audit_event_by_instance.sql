-- Each user task's end looks up the audit rows of its element in its process instance (who
-- completed which task). Without this index that read scanned every USER_TASK row ever written,
-- so it grew with the log's whole history (docs/benchmarks.md).
CREATE INDEX ix_audit_event_instance ON audit_event (process_instance_key, element_id);
