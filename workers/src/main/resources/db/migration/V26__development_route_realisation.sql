-- Realisation and reflection of a development route (issue 17, step 4). An item completed carries
-- its evidence (the document that proves it, or a link). Each quarterly monitoring is a row, keyed
-- by the route and its round so that a retried step writes it once; it keeps the figures it found,
-- the methodist's comment, the escalation it opened and the measures the school or the municipality
-- reported (stored here, so that the next round's forms open empty). The route
-- keeps its current escalation level (back on pace resets it) and the year of the repeated diagnosis
-- that its reflection compares with the first.
ALTER TABLE development_route_item
  ADD COLUMN evidence VARCHAR(500) NULL;

ALTER TABLE development_route
  ADD COLUMN escalation_level ENUM('NONE', 'SCHOOL', 'MUNICIPALITY') NOT NULL DEFAULT 'NONE',
  ADD COLUMN reflection_year INT NULL;

CREATE TABLE development_route_monitoring (
  route_id        BIGINT      NOT NULL,
  round           INT         NOT NULL,
  monitored_at    DATETIME(3) NOT NULL,
  items_total     INT         NOT NULL,
  items_due       INT         NOT NULL,
  items_completed INT         NOT NULL,
  items_overdue   INT         NOT NULL,
  pace_state      ENUM('ON_PACE', 'BEHIND') NOT NULL,
  comment         TEXT        NULL,
  escalation      ENUM('NONE', 'SCHOOL', 'MUNICIPALITY') NOT NULL,
  measures        TEXT        NULL,
  measures_by     VARCHAR(64) NULL,
  measures_at     DATETIME(3) NULL,
  PRIMARY KEY (route_id, round),
  CONSTRAINT fk_development_route_monitoring_route FOREIGN KEY (route_id) REFERENCES development_route (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
