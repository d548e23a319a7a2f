-- The append-only audit log. Every row carries the hash of the previous row of its case and of the
-- previous row overall (two hash chains), so an edited, inserted or deleted row breaks a link that
-- GET /api/audit/verify reports. The application only ever inserts here.
CREATE TABLE audit_event (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_key            VARCHAR(200)  NOT NULL,
  case_number          VARCHAR(40)   NOT NULL,
  kind                 VARCHAR(32)   NOT NULL,
  occurred_at          DATETIME(3)   NOT NULL,
  actor                VARCHAR(100)  NOT NULL,
  element_id           VARCHAR(100),
  process_instance_key BIGINT,
  job_key              BIGINT,
  outcome              VARCHAR(60)   NOT NULL,
  details              VARCHAR(4000),
  digest               CHAR(64),
  case_prev_hash       CHAR(64),
  case_hash            CHAR(64)      NOT NULL,
  global_prev_hash     CHAR(64),
  global_hash          CHAR(64)      NOT NULL,
  -- a retried job or a re-issued letter finds its row and adds none
  CONSTRAINT uk_audit_event_key UNIQUE (event_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_audit_event_case ON audit_event (case_number, id);

-- The head of each chain (the global one, and one per case). An append locks the global head
-- first, so appends queue one at a time and never link to the same predecessor; the row exists
-- from the start, so that lock is a plain row lock.
CREATE TABLE audit_chain_head (
  chain     VARCHAR(40) NOT NULL PRIMARY KEY,
  last_id   BIGINT      NOT NULL,
  last_hash CHAR(64)    NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO audit_chain_head (chain, last_id, last_hash) VALUES ('*', 0, '');
