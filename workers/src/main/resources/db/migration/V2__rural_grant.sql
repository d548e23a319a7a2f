-- «Земский учитель»: applications, their history and the campaign's vacancy list.

CREATE TABLE rural_grant_vacancy (
  campaign_year INT          NOT NULL,
  school_code   VARCHAR(32)  NOT NULL,
  position      VARCHAR(200) NOT NULL,
  places        INT          NOT NULL DEFAULT 1,
  PRIMARY KEY (campaign_year, school_code, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rural_grant_application (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number           VARCHAR(32),
  campaign_year         INT          NOT NULL,
  person_id             BIGINT       NOT NULL,
  school_code           VARCHAR(32)  NOT NULL,
  municipality          VARCHAR(200) NOT NULL,
  settlement_name       VARCHAR(200) NOT NULL,
  settlement_type       VARCHAR(32)  NOT NULL,
  settlement_population INT          NOT NULL,
  position              VARCHAR(200) NOT NULL,
  weekly_load_hours     INT          NOT NULL,
  previous_residence    VARCHAR(500) NOT NULL,
  consent_given_at      DATETIME(3) NOT NULL,
  submitted_at          DATETIME(3) NOT NULL,
  status                VARCHAR(32)  NOT NULL,
  process_instance_key  BIGINT,
  contract_number       VARCHAR(64),
  contract_date         DATE,
  CONSTRAINT uk_rural_grant_case_number UNIQUE (case_number),
  -- one application per person (so per SNILS) and campaign year
  CONSTRAINT uk_rural_grant_person_year UNIQUE (person_id, campaign_year),
  CONSTRAINT fk_rural_grant_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What happened to a case, in order; event_key makes each step recorded once even when its job is retried.
CREATE TABLE rural_grant_event (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT        NOT NULL,
  event_key      VARCHAR(80)   NOT NULL,
  status         VARCHAR(32)   NOT NULL,
  details        VARCHAR(2000),
  occurred_at    DATETIME(3)  NOT NULL,
  CONSTRAINT uk_rural_grant_event UNIQUE (application_id, event_key),
  CONSTRAINT fk_rural_grant_event_application FOREIGN KEY (application_id) REFERENCES rural_grant_application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
