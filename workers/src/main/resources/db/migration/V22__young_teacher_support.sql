-- Young-teacher support (issue 17, the young-teacher pilot): one case per supported teacher, the
-- answers of the adaptation questionnaire (round 0) and of each check-in (round 1, 2, ...), and the
-- difficulties those answers raised. Personal data stays in person; the free text of an answer and
-- the name of a mentor without a bonus nomination are kept here, never in the engine's variables.
-- The region's figures count from these tables: teachers supported (young_teacher_case), answers
-- given (young_teacher_answer), difficulties raised and resolved (young_teacher_difficulty).
CREATE TABLE young_teacher_case (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number          VARCHAR(32)  NULL,
  person_id            BIGINT       NOT NULL,
  -- the person while the case is open, NULL once it closed: one open case per teacher
  open_for_person      BIGINT       NULL,
  school_code          VARCHAR(32)  NOT NULL,
  municipality_code    VARCHAR(16)  NOT NULL,
  post                 VARCHAR(200) NOT NULL,
  experience_start     DATE         NOT NULL,
  start_date           DATE         NOT NULL,
  status               VARCHAR(16)  NOT NULL,
  process_instance_key BIGINT       NULL,
  -- NOMINATION (a mentor-bonus case) or WITHOUT_BONUS (the mentor named here only)
  mentor_mode          VARCHAR(16)  NULL,
  mentor_nomination    VARCHAR(32)  NULL,
  mentor_name          VARCHAR(300) NULL,
  mentor_assigned_at   DATETIME(3)  NULL,
  created_at           DATETIME(3)  NOT NULL,
  closed_at            DATETIME(3)  NULL,
  UNIQUE KEY uk_young_teacher_case_number (case_number),
  UNIQUE KEY uk_young_teacher_open_case (open_for_person),
  CONSTRAINT fk_young_teacher_case_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Scales 1 (very hard) to 5 (no difficulty); stay_intention STAY, UNSURE or LEAVING.
CREATE TABLE young_teacher_answer (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id         BIGINT        NOT NULL,
  round           INT           NOT NULL,
  workload        TINYINT       NOT NULL,
  discipline      TINYINT       NOT NULL,
  parents         TINYINT       NOT NULL,
  documentation   TINYINT       NOT NULL,
  methodical_help TINYINT       NOT NULL,
  stay_intention  VARCHAR(16)   NOT NULL,
  comment         VARCHAR(4000) NULL,
  answered_by     VARCHAR(64)   NULL,
  answered_at     DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_young_teacher_answer (case_id, round),
  CONSTRAINT fk_young_teacher_answer_case FOREIGN KEY (case_id) REFERENCES young_teacher_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One per answer that signalled a difficulty; resolved is NULL while the methodist's task is open.
CREATE TABLE young_teacher_difficulty (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id    BIGINT        NOT NULL,
  round      INT           NOT NULL,
  areas      VARCHAR(200)  NOT NULL,
  raised_at  DATETIME(3)   NOT NULL,
  due_at     DATETIME(3)   NOT NULL,
  resolved   BOOLEAN       NULL,
  actions    VARCHAR(4000) NULL,
  closed_at  DATETIME(3)   NULL,
  UNIQUE KEY uk_young_teacher_difficulty (case_id, round),
  CONSTRAINT fk_young_teacher_difficulty_case FOREIGN KEY (case_id) REFERENCES young_teacher_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
