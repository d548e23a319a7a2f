-- What a person typed into a form: kept beside its chained audit row, which holds only the field
-- names and the SHA-256 of this text. Retention can anonymise the text without breaking a link,
-- and the digest still proves what the original said to anyone who holds it.
CREATE TABLE audit_payload (
  event_key     VARCHAR(200) NOT NULL PRIMARY KEY,
  data          TEXT         NOT NULL,
  anonymised_at DATETIME(3),
  CONSTRAINT fk_audit_payload_event FOREIGN KEY (event_key) REFERENCES audit_event (event_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Set when retention has anonymised the person: every case of theirs closed long enough ago.
ALTER TABLE person ADD COLUMN anonymised_at DATETIME(3);

-- Retention looks cases up by their closing event.
CREATE INDEX ix_audit_event_kind_outcome ON audit_event (kind, outcome, occurred_at);
