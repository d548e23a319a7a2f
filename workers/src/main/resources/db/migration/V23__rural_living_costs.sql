-- Compensation of living costs for teachers in villages, workers' settlements and small towns
-- (issue 18). The settlement register says where a teacher lives: its type and population decide
-- eligibility, not the applicant's word.
CREATE TABLE settlement (
  code              VARCHAR(32)  NOT NULL PRIMARY KEY,
  name              VARCHAR(200) NOT NULL,
  municipality_code VARCHAR(16)  NOT NULL,
  type              VARCHAR(32)  NOT NULL,
  population        INT          NOT NULL,
  imported_at       DATETIME(3)  NOT NULL,
  CONSTRAINT fk_settlement_municipality FOREIGN KEY (municipality_code) REFERENCES municipality (code),
  CONSTRAINT ck_settlement_population CHECK (population >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One enrolment per teacher and period; active_person_id is the person's id while the enrolment is
-- in force and NULL otherwise, so that the unique key allows one active enrolment per person.
CREATE TABLE living_cost_enrolment (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number          VARCHAR(32),
  person_id            BIGINT       NOT NULL,
  school_code          VARCHAR(32)  NOT NULL,
  settlement_code      VARCHAR(32)  NOT NULL,
  position             VARCHAR(200) NOT NULL,
  cost_kinds           VARCHAR(100) NOT NULL,
  status               VARCHAR(32)  NOT NULL,
  status_token_hash    CHAR(64),
  process_instance_key BIGINT,
  submitted_at         DATETIME(3)  NOT NULL,
  enrolled_on          DATE,
  ended_on             DATE,
  active_person_id     BIGINT,
  CONSTRAINT uk_living_cost_enrolment_number UNIQUE (case_number),
  CONSTRAINT uk_living_cost_enrolment_active UNIQUE (active_person_id),
  CONSTRAINT fk_living_cost_enrolment_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_living_cost_enrolment_settlement FOREIGN KEY (settlement_code) REFERENCES settlement (code),
  INDEX ix_living_cost_enrolment_person (person_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One claim per enrolment and month while it is open or paid: open_month is the month, and NULL
-- once the claim is refused in full, so that the month may be claimed again.
CREATE TABLE living_cost_claim (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number          VARCHAR(32),
  enrolment_id         BIGINT      NOT NULL,
  month                DATE        NOT NULL,
  open_month           DATE,
  status               VARCHAR(32) NOT NULL,
  round                INT         NOT NULL DEFAULT 1,
  process_instance_key BIGINT,
  submitted_at         DATETIME(3) NOT NULL,
  CONSTRAINT uk_living_cost_claim_number UNIQUE (case_number),
  CONSTRAINT uk_living_cost_claim_month UNIQUE (enrolment_id, open_month),
  CONSTRAINT fk_living_cost_claim_enrolment FOREIGN KEY (enrolment_id) REFERENCES living_cost_enrolment (id),
  INDEX ix_living_cost_claim_month (month, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The amounts claimed per cost kind, and what the officer's check made of them.
CREATE TABLE living_cost_claim_line (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  claim_id         BIGINT         NOT NULL,
  cost_kind        VARCHAR(32)    NOT NULL,
  claimed_amount   DECIMAL(12, 2) NOT NULL,
  accepted_amount  DECIMAL(12, 2),
  rejection_reason VARCHAR(500),
  CONSTRAINT uk_living_cost_claim_line UNIQUE (claim_id, cost_kind),
  CONSTRAINT fk_living_cost_claim_line_claim FOREIGN KEY (claim_id) REFERENCES living_cost_claim (id),
  CONSTRAINT ck_living_cost_claim_line_amount CHECK (claimed_amount > 0 AND (accepted_amount IS NULL OR accepted_amount >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Receipts (PDF, JPEG, PNG) as uploaded, outside the process's variables; only staff download them.
CREATE TABLE living_cost_receipt (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  claim_id     BIGINT       NOT NULL,
  file_name    VARCHAR(200) NOT NULL,
  content_type VARCHAR(40)  NOT NULL,
  size_bytes   INT          NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  content      LONGBLOB     NOT NULL,
  uploaded_at  DATETIME(3)  NOT NULL,
  CONSTRAINT fk_living_cost_receipt_claim FOREIGN KEY (claim_id) REFERENCES living_cost_claim (id),
  INDEX ix_living_cost_receipt_claim (claim_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
