-- The three-level cadre reserve for school leaders: one season a year, one candidate case per
-- person and season. Personal data stays in person; these tables hold ids, scores and decisions.

CREATE TABLE cadre_season (
  season               INT          NOT NULL PRIMARY KEY,
  case_number          VARCHAR(32)  NOT NULL,
  registration_closes  DATETIME(3)  NOT NULL,
  status               VARCHAR(32)  NOT NULL,
  process_instance_key BIGINT,
  started_at           DATETIME(3)  NOT NULL,
  CONSTRAINT uk_cadre_season_case UNIQUE (case_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE cadre_candidate (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number          VARCHAR(32),
  season               INT           NOT NULL,
  person_id            BIGINT        NOT NULL,
  school_code          VARCHAR(32)   NOT NULL,
  municipality         VARCHAR(200)  NOT NULL,
  position             VARCHAR(200)  NOT NULL,
  experience_years     INT           NOT NULL,
  education            VARCHAR(500)  NOT NULL,
  motivation           VARCHAR(4000) NOT NULL,
  achievements         VARCHAR(4000) NOT NULL,
  skip_token           VARCHAR(32),
  fast_track_evidence  VARCHAR(1000),
  status               VARCHAR(32)   NOT NULL,
  registered_at        DATETIME(3)   NOT NULL,
  -- test results from the testing platform (0..100 each); NULL until the test is finished
  organising_score     DECIMAL(5, 2),
  managerial_score     DECIMAL(5, 2),
  leadership_score     DECIMAL(5, 2),
  test_finished_at     DATETIME(3),
  composite_score      DECIMAL(6, 3),
  level1_rank          INT,
  level1_passed        BOOLEAN,
  course_days          INT,
  team_id              BIGINT,
  individual_score     DECIMAL(5, 2),
  reserve              VARCHAR(16),
  process_instance_key BIGINT,
  CONSTRAINT uk_cadre_candidate_case UNIQUE (case_number),
  -- one case per person and season: a second registration is refused
  CONSTRAINT uk_cadre_candidate_person_season UNIQUE (season, person_id),
  CONSTRAINT fk_cadre_candidate_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_cadre_candidate_season_status ON cadre_candidate (season, status);

-- The bank of project ideas: one idea per candidate, with the expert's recommendation once given.
CREATE TABLE cadre_idea (
  candidate_id   BIGINT        NOT NULL PRIMARY KEY,
  title          VARCHAR(300)  NOT NULL,
  text           TEXT          NOT NULL,
  pdf            LONGBLOB,
  pdf_sha256     CHAR(64),
  recommendation VARCHAR(4000),
  uploaded_at    DATETIME(3)   NOT NULL,
  CONSTRAINT fk_cadre_idea_candidate FOREIGN KEY (candidate_id) REFERENCES cadre_candidate (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The right to enter the next season at level 2, given to those who did not pass level 1.
CREATE TABLE cadre_skip_token (
  code           VARCHAR(32)  NOT NULL PRIMARY KEY,
  candidate_id   BIGINT       NOT NULL,
  person_id      BIGINT       NOT NULL,
  issued_season  INT          NOT NULL,
  used_season    INT,
  CONSTRAINT uk_cadre_token_candidate UNIQUE (candidate_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- School results by year, imported for the choice of internship and project schools.
CREATE TABLE school_result (
  school_code VARCHAR(32)   NOT NULL,
  year        INT           NOT NULL,
  score       DECIMAL(6, 2) NOT NULL,
  imported_at DATETIME(3)   NOT NULL,
  PRIMARY KEY (school_code, year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Internship (level 2) and project (level 3) schools of a season, as the coordinator confirmed them.
CREATE TABLE cadre_school (
  season      INT          NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  school_code VARCHAR(32)  NOT NULL,
  PRIMARY KEY (season, kind, school_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE cadre_team (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  season              INT          NOT NULL,
  number              INT          NOT NULL,
  team_key            VARCHAR(40)  NOT NULL,
  internship_school   VARCHAR(32)  NOT NULL,
  project_school      VARCHAR(32),
  score               DECIMAL(5, 2),
  passed_level2       BOOLEAN,
  project_title       VARCHAR(300),
  project_pdf         LONGBLOB,
  project_sha256      CHAR(64),
  CONSTRAINT uk_cadre_team_number UNIQUE (season, number),
  CONSTRAINT uk_cadre_team_key UNIQUE (team_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every expert's score, once per subject and expert: a team project at level 2, a member at level 3.
CREATE TABLE cadre_expert_score (
  subject     VARCHAR(40)   NOT NULL,
  expert      VARCHAR(100)  NOT NULL,
  score       DECIMAL(4, 2) NOT NULL,
  comment     VARCHAR(2000),
  scored_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (subject, expert)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The school's office address, where letters to the school head go (the cadre reserve sends each
-- project school its project).
ALTER TABLE school ADD COLUMN email VARCHAR(254);
