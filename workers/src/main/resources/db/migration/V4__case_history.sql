-- One history table for every process: what happened to a case, in order. event_key makes each
-- step recorded once even when its job is retried. Replaces rural_grant_event.
CREATE TABLE case_event (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number VARCHAR(32)   NOT NULL,
  event_key   VARCHAR(80)   NOT NULL,
  status      VARCHAR(32)   NOT NULL,
  details     VARCHAR(2000),
  occurred_at DATETIME(3)   NOT NULL,
  CONSTRAINT uk_case_event UNIQUE (case_number, event_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO case_event (case_number, event_key, status, details, occurred_at)
SELECT a.case_number, e.event_key, e.status, e.details, e.occurred_at
FROM rural_grant_event e JOIN rural_grant_application a ON a.id = e.application_id
ORDER BY e.id;

DROP TABLE rural_grant_event;
