-- Opening of psychological-pedagogical classes: one case per school and academic year.

CREATE TABLE municipal_curator (
  municipality VARCHAR(200) NOT NULL PRIMARY KEY,
  curator_name VARCHAR(200) NOT NULL,
  email        VARCHAR(254) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pedagogical_class_opening (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number          VARCHAR(32),
  school_code          VARCHAR(32)  NOT NULL,
  municipality         VARCHAR(200) NOT NULL,
  school_email         VARCHAR(254) NOT NULL,
  academic_year        INT          NOT NULL,
  status               VARCHAR(32)  NOT NULL,
  enrolled             INT,
  process_instance_key BIGINT,
  started_at           DATETIME(3)  NOT NULL,
  CONSTRAINT uk_pedclass_case_number UNIQUE (case_number),
  -- one opening per school and year: a second start (or bulk campaign) finds this row
  CONSTRAINT uk_pedclass_school_year UNIQUE (school_code, academic_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What each step produced, once per step (term reports are steps of their own: TERM_REPORT_1, ...).
CREATE TABLE pedagogical_class_step (
  opening_id   BIGINT        NOT NULL,
  step         VARCHAR(32)   NOT NULL,
  data         VARCHAR(8000) NOT NULL,
  completed_at DATETIME(3)   NOT NULL,
  PRIMARY KEY (opening_id, step),
  CONSTRAINT fk_pedclass_step_opening FOREIGN KEY (opening_id) REFERENCES pedagogical_class_opening (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Deadlines missed: one row per opening and step, escalated to the municipal curator.
CREATE TABLE pedagogical_class_overdue (
  opening_id   BIGINT      NOT NULL,
  step         VARCHAR(32) NOT NULL,
  due_at       DATETIME(3) NOT NULL,
  escalated_at DATETIME(3) NOT NULL,
  -- the curator's own case (process pedagogical-class-escalation), started once
  curator_process_instance_key BIGINT,
  PRIMARY KEY (opening_id, step),
  CONSTRAINT fk_pedclass_overdue_opening FOREIGN KEY (opening_id) REFERENCES pedagogical_class_opening (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
