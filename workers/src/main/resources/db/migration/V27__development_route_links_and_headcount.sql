-- Routes started from other processes (issue 17): the young-teacher case and the cadre-reserve
-- candidate keep the case number of their development route, so that a retried start finds it and
-- starts nothing, and a teacher who already had an open route is linked to it. The cadre registry
-- derives a reservist's plan status from this route.
ALTER TABLE young_teacher_case
  ADD COLUMN development_route_case VARCHAR(32) NULL;
ALTER TABLE cadre_candidate
  ADD COLUMN development_route_case VARCHAR(32) NULL;

-- All teachers of a municipality in a year, as the region reports them: the denominator of the
-- share of teachers with a route (target 30 %). No other table holds headcounts (the teacher table
-- only knows the teachers that some process registered); staff import it.
CREATE TABLE teacher_headcount (
  municipality_code VARCHAR(16) NOT NULL,
  year              INT         NOT NULL,
  teachers          INT         NOT NULL,
  imported_at       DATETIME(3) NOT NULL,
  PRIMARY KEY (municipality_code, year),
  CONSTRAINT fk_teacher_headcount_municipality FOREIGN KEY (municipality_code) REFERENCES municipality (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
