-- Teachers (reused by every process) and the mentor bonus: nominations, budget, payroll.

CREATE TABLE teacher (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  person_id              BIGINT       NOT NULL,
  school_code            VARCHAR(32)  NOT NULL,
  subject                VARCHAR(200) NOT NULL,
  experience_years       INT          NOT NULL,
  qualification_category VARCHAR(16)  NOT NULL,
  updated_at             DATETIME(3)  NOT NULL,
  CONSTRAINT uk_teacher_person UNIQUE (person_id),
  CONSTRAINT fk_teacher_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mentoring_nomination (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number            VARCHAR(32),
  campaign_year          INT           NOT NULL,
  mentor_teacher_id      BIGINT        NOT NULL,
  school_code            VARCHAR(32)   NOT NULL,
  school_email           VARCHAR(254)  NOT NULL,
  funding_source         VARCHAR(32)   NOT NULL,
  goals                  VARCHAR(4000) NOT NULL,
  start_date             DATE          NOT NULL,
  end_date               DATE          NOT NULL,
  status                 VARCHAR(32)   NOT NULL,
  school_head_approver   VARCHAR(100),
  school_head_decision   VARCHAR(16),
  budget_approver        VARCHAR(100),
  budget_decision        VARCHAR(16),
  ended_on               DATE,
  process_instance_key   BIGINT,
  submitted_at           DATETIME(3)   NOT NULL,
  CONSTRAINT uk_mentoring_case_number UNIQUE (case_number),
  CONSTRAINT fk_mentoring_mentor FOREIGN KEY (mentor_teacher_id) REFERENCES teacher (id),
  CONSTRAINT ck_mentoring_dates CHECK (end_date > start_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mentoring_mentee (
  nomination_id BIGINT NOT NULL,
  teacher_id    BIGINT NOT NULL,
  PRIMARY KEY (nomination_id, teacher_id),
  CONSTRAINT fk_mentee_nomination FOREIGN KEY (nomination_id) REFERENCES mentoring_nomination (id),
  CONSTRAINT fk_mentee_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The year's money per funding source. The CHECK is the last guard against overspending.
CREATE TABLE budget_envelope (
  budget_year     INT            NOT NULL,
  funding_source  VARCHAR(32)    NOT NULL,
  total_amount    DECIMAL(16, 2) NOT NULL,
  reserved_amount DECIMAL(16, 2) NOT NULL DEFAULT 0,
  PRIMARY KEY (budget_year, funding_source),
  CONSTRAINT ck_budget_envelope CHECK (reserved_amount >= 0 AND reserved_amount <= total_amount)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One reservation per nomination; what was not paid out goes back once.
CREATE TABLE budget_reservation (
  nomination_id   BIGINT         NOT NULL PRIMARY KEY,
  budget_year     INT            NOT NULL,
  funding_source  VARCHAR(32)    NOT NULL,
  amount          DECIMAL(16, 2) NOT NULL,
  released_amount DECIMAL(16, 2),
  reserved_at     DATETIME(3)    NOT NULL,
  released_at     DATETIME(3),
  CONSTRAINT fk_reservation_nomination FOREIGN KEY (nomination_id) REFERENCES mentoring_nomination (id),
  CONSTRAINT fk_reservation_envelope FOREIGN KEY (budget_year, funding_source) REFERENCES budget_envelope (budget_year, funding_source)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The payroll ledger: one accrual per mentor, pairing and month.
CREATE TABLE payroll_accrual (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  nomination_id     BIGINT         NOT NULL,
  mentor_teacher_id BIGINT         NOT NULL,
  accrual_month     CHAR(7)        NOT NULL,
  amount            DECIMAL(14, 2) NOT NULL,
  funding_source    VARCHAR(32)    NOT NULL,
  accrued_at        DATETIME(3)    NOT NULL,
  CONSTRAINT uk_payroll_accrual UNIQUE (mentor_teacher_id, nomination_id, accrual_month),
  CONSTRAINT fk_accrual_nomination FOREIGN KEY (nomination_id) REFERENCES mentoring_nomination (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
