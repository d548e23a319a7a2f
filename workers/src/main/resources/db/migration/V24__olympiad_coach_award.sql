-- Olympiad coach award (issue 18, part 2): the official list of winners and prize-winners of the
-- All-Russian School Olympiad's final stage, per year and subject, and the schools' claims for the
-- teachers who trained them. Pupils are minors: their names stay in this table and never reach a
-- process variable; a claim names the pupil by the list's participant code.
CREATE TABLE olympiad_result (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  year             INT          NOT NULL,
  subject          VARCHAR(100) NOT NULL,
  participant_code VARCHAR(32)  NOT NULL,
  surname          VARCHAR(100) NOT NULL,
  given_name       VARCHAR(100) NOT NULL,
  patronymic       VARCHAR(100),
  birth_date       DATE         NOT NULL,
  grade            INT          NOT NULL,
  place            VARCHAR(16)  NOT NULL,
  published_on     DATE         NOT NULL,
  imported_at      DATETIME(3)  NOT NULL,
  CONSTRAINT uk_olympiad_result UNIQUE (year, subject, participant_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE olympiad_claim (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number          VARCHAR(32),
  year                 INT           NOT NULL,
  subject              VARCHAR(100)  NOT NULL,
  participant_code     VARCHAR(32)   NOT NULL,
  place                VARCHAR(16)   NOT NULL,
  school_code          VARCHAR(32)   NOT NULL,
  school_email         VARCHAR(254)  NOT NULL,
  status               VARCHAR(32)   NOT NULL,
  refusal_reason       VARCHAR(1000),
  amount               DECIMAL(14, 2),
  confirmed_by         VARCHAR(100),
  list_number          VARCHAR(32),
  process_instance_key BIGINT,
  submitted_at         DATETIME(3)   NOT NULL,
  CONSTRAINT uk_olympiad_claim_number UNIQUE (case_number),
  KEY ix_olympiad_claim_year_status (year, status),
  KEY ix_olympiad_claim_list (list_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The teachers a claim names, each with the share the school declared (the shares sum to 100) and,
-- once the amount is known, their part of it in roubles and kopecks.
CREATE TABLE olympiad_claim_coach (
  claim_id  BIGINT        NOT NULL,
  person_id BIGINT        NOT NULL,
  share     INT           NOT NULL,
  amount    DECIMAL(14, 2),
  PRIMARY KEY (claim_id, person_id),
  CONSTRAINT fk_olympiad_coach_claim FOREIGN KEY (claim_id) REFERENCES olympiad_claim (id),
  CONSTRAINT fk_olympiad_coach_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT ck_olympiad_coach_share CHECK (share BETWEEN 1 AND 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The year's list of awards the commission approves: its number is the case number of its
-- instance and of the order it issues.
CREATE TABLE olympiad_award_list (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  list_number          VARCHAR(32),
  year                 INT         NOT NULL,
  status               VARCHAR(32) NOT NULL,
  approved_by          VARCHAR(100),
  created_at           DATETIME(3) NOT NULL,
  CONSTRAINT uk_olympiad_award_list UNIQUE (list_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
