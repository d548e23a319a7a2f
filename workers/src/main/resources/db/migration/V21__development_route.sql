-- Individual development routes (ИОМ, issue 17, step 3: design). One row per teacher and route,
-- numbered as a case; open_person_id holds the person while the route is open, so that its unique
-- key refuses a second open route even when two starts race. The questionnaire of professional
-- requests and the route's items are rows, not process variables (the free text may name people).
CREATE TABLE development_route (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number          VARCHAR(32)  NULL,
  person_id            BIGINT       NOT NULL,
  open_person_id       BIGINT       NULL,
  school_code          VARCHAR(32)  NOT NULL,
  year                 INT          NOT NULL,
  origin               ENUM('SELF', 'YOUNG_TEACHER', 'CADRE_RESERVE') NOT NULL,
  origin_case          VARCHAR(32)  NULL,
  pace_months          INT          NULL,
  starts_on            DATE         NULL,
  ends_on              DATE         NULL,
  status               ENUM('REQUESTS', 'PROPOSED', 'REVIEWED', 'AGREED') NOT NULL,
  process_instance_key BIGINT       NULL,
  started_at           DATETIME(3)  NOT NULL,
  agreed_at            DATETIME(3)  NULL,
  UNIQUE KEY uk_development_route_case (case_number),
  UNIQUE KEY uk_development_route_open (open_person_id),
  CONSTRAINT fk_development_route_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The questionnaire of professional requests: one answer per route (a second answer replaces it).
CREATE TABLE development_route_request (
  route_id         BIGINT      PRIMARY KEY,
  competences      SET('SUBJECT', 'METHODICAL', 'PSYCHOLOGICAL_PEDAGOGICAL', 'COMMUNICATIVE', 'DIGITAL') NOT NULL,
  preferred_kinds  SET('FORMAL', 'NON_FORMAL', 'INFORMAL') NOT NULL,
  pace_months      INT         NOT NULL,
  request_text     TEXT        NULL,
  answered_by      VARCHAR(64) NULL,
  answered_at      DATETIME(3) NOT NULL,
  CONSTRAINT fk_development_route_request_route FOREIGN KEY (route_id) REFERENCES development_route (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The route's items: an event of the bank, or (event_id NULL) an informal item the teacher takes on
-- alone, such as self-education. status is PLANNED while the route is designed; realisation will
-- move it to ENROLLED, COMPLETED or MISSED and attach the evidence. source tells who put it there.
CREATE TABLE development_route_item (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  route_id          BIGINT       NOT NULL,
  position          INT          NOT NULL,
  event_id          BIGINT       NULL,
  competence        ENUM('SUBJECT', 'METHODICAL', 'PSYCHOLOGICAL_PEDAGOGICAL', 'COMMUNICATIVE', 'DIGITAL') NOT NULL,
  kind              ENUM('FORMAL', 'NON_FORMAL', 'INFORMAL') NOT NULL,
  title             VARCHAR(300) NOT NULL,
  planned_from      DATE         NOT NULL,
  planned_to        DATE         NOT NULL,
  source            ENUM('PROPOSAL', 'METHODIST') NOT NULL,
  status            ENUM('PLANNED', 'ENROLLED', 'COMPLETED', 'MISSED') NOT NULL DEFAULT 'PLANNED',
  status_changed_at DATETIME(3)  NULL,
  UNIQUE KEY uk_development_route_item_position (route_id, position),
  UNIQUE KEY uk_development_route_item_event (route_id, event_id),
  CONSTRAINT fk_development_route_item_route FOREIGN KEY (route_id) REFERENCES development_route (id),
  CONSTRAINT fk_development_route_item_event FOREIGN KEY (event_id) REFERENCES education_event (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
