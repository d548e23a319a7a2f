-- The code each letter prints so that a recipient or a court can check it against the registry
-- (GET /api/audit/letters/{code}, docs/auditors.md). Letters issued before have none: they printed none.
ALTER TABLE letter ADD COLUMN verification_code CHAR(12) NULL;
ALTER TABLE letter ADD CONSTRAINT uk_letter_verification_code UNIQUE (verification_code);
