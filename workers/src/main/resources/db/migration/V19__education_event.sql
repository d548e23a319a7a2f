-- The bank of educational events from which an individual development route (ИОМ, issue 17) is
-- proposed: courses, events and self-education by the competence of the regional diagnosis they
-- develop. Imported from the providers' lists (CSV or JSON) or entered by staff; a row's code is
-- the provider's own or ours, and re-importing it updates the row. enrolled counts the places taken
-- (no capacity: unlimited); an informal event (self-education) may have no end date.
CREATE TABLE education_event (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  code              VARCHAR(64)  NOT NULL,
  title             VARCHAR(300) NOT NULL,
  competence        ENUM('SUBJECT', 'METHODICAL', 'PSYCHOLOGICAL_PEDAGOGICAL', 'COMMUNICATIVE', 'DIGITAL') NOT NULL,
  kind              ENUM('FORMAL', 'NON_FORMAL', 'INFORMAL') NOT NULL,
  format            VARCHAR(100) NULL,
  provider          VARCHAR(300) NOT NULL,
  starts_on         DATE         NOT NULL,
  ends_on           DATE         NULL,
  hours             INT          NOT NULL,
  capacity          INT          NULL,
  enrolled          INT          NOT NULL DEFAULT 0,
  municipality_code VARCHAR(16)  NULL,
  imported_at       DATETIME(3)  NOT NULL,
  updated_at        DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_education_event_code (code),
  INDEX ix_education_event_competence_start (competence, starts_on),
  INDEX ix_education_event_kind_start (kind, starts_on),
  INDEX ix_education_event_start (starts_on),
  INDEX ix_education_event_end (ends_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
