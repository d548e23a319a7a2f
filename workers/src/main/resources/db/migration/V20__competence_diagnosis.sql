-- The results of the regional diagnosis of a teacher's professional competences (issue 17, step 2):
-- one score (0–100) per person, diagnosis year and competence; a re-import of the same three
-- updates the score. Personal data stays in person; a competence scored below the configured level
-- (development-route.defaults.deficit-below) is a deficit.
CREATE TABLE competence_diagnosis (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  person_id   BIGINT        NOT NULL,
  school_code VARCHAR(32)   NOT NULL,
  year        INT           NOT NULL,
  competence  ENUM('SUBJECT', 'METHODICAL', 'PSYCHOLOGICAL_PEDAGOGICAL', 'COMMUNICATIVE', 'DIGITAL') NOT NULL,
  score       DECIMAL(5, 2) NOT NULL,
  imported_at DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_competence_diagnosis (person_id, year, competence),
  CONSTRAINT fk_competence_diagnosis_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
