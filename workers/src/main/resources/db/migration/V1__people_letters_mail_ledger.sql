-- Shared tables that every process uses.
-- Instants are stored as DATETIME(3) in UTC (TIMESTAMP ends in 2038, inside a grant's obligation horizon).

-- Personal data lives here and never in process variables.
CREATE TABLE person (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  snils       CHAR(11)     NOT NULL,
  surname     VARCHAR(100) NOT NULL,
  given_name  VARCHAR(100) NOT NULL,
  patronymic  VARCHAR(100),
  birth_date  DATE         NOT NULL,
  email       VARCHAR(254) NOT NULL,
  phone       VARCHAR(20)  NOT NULL,
  created_at  DATETIME(3) NOT NULL,
  updated_at  DATETIME(3) NOT NULL,
  CONSTRAINT uk_person_snils UNIQUE (snils)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every letter is issued at most once per case and kind; a retried job finds the stored one.
CREATE TABLE letter (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number VARCHAR(32)  NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  number      VARCHAR(48)  NOT NULL,
  issued_on   DATE         NOT NULL,
  file_name   VARCHAR(120) NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  pdf         LONGBLOB     NOT NULL,
  created_at  DATETIME(3) NOT NULL,
  CONSTRAINT uk_letter_case_kind UNIQUE (case_number, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Outgoing mail. message_key names the effect (case, kind[, round]); a message once SENT is never sent again.
CREATE TABLE mail_outbox (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  message_key VARCHAR(160) NOT NULL,
  recipient   VARCHAR(254) NOT NULL,
  subject     VARCHAR(300) NOT NULL,
  body        TEXT         NOT NULL,
  letter_id   BIGINT,
  status      VARCHAR(16)  NOT NULL,
  attempts    INT          NOT NULL DEFAULT 0,
  last_error  VARCHAR(1000),
  created_at  DATETIME(3) NOT NULL,
  sent_at     DATETIME(3),
  CONSTRAINT uk_mail_outbox_key UNIQUE (message_key),
  CONSTRAINT fk_mail_outbox_letter FOREIGN KEY (letter_id) REFERENCES letter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Money recorded by any process: one row per case and kind, so a retried job cannot pay twice.
CREATE TABLE payment_ledger (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number VARCHAR(32)    NOT NULL,
  kind        VARCHAR(32)    NOT NULL,
  amount      DECIMAL(14, 2) NOT NULL,
  basis       VARCHAR(500)   NOT NULL,
  recorded_at DATETIME(3)   NOT NULL,
  CONSTRAINT uk_payment_ledger_case_kind UNIQUE (case_number, kind),
  CONSTRAINT ck_payment_ledger_amount CHECK (amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
