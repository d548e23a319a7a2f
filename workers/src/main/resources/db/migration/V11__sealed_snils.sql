-- SNILS is kept encrypted (AES-256-GCM, PersonalDataCipher): the column holds the sealed value and
-- snils_index its blind index (HMAC-SHA-256), which finds a returning person and keeps SNILS unique.
-- Rows from before this migration are sealed at the next start-up (PersonalDataRewrap), which also
-- re-seals values after a key rotation. An anonymised person has neither.
ALTER TABLE person MODIFY snils VARCHAR(120) NULL;
ALTER TABLE person ADD COLUMN snils_index CHAR(64) NULL;
ALTER TABLE person DROP INDEX uk_person_snils;
ALTER TABLE person ADD CONSTRAINT uk_person_snils_index UNIQUE (snils_index);
