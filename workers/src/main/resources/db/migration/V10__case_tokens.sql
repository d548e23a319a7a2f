-- The SHA-256 of the secret an applicant or candidate got at submission: with the case number it
-- opens their case's status (CaseTokens). Cases from before this migration are open to staff only.
ALTER TABLE rural_grant_application ADD COLUMN status_token_hash CHAR(64);
ALTER TABLE cadre_candidate ADD COLUMN access_token_hash CHAR(64);
