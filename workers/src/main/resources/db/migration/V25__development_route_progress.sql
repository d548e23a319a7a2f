-- Realisation and reflection of a route (issue 17): after AGREED a route is FINISHED once its
-- reflection closes the case. pace_state is what the last quarterly monitoring found (NULL: not
-- monitored yet, counted as on pace); the region's summary counts routes on pace, behind and
-- finished from these two columns.
ALTER TABLE development_route
  MODIFY status ENUM('REQUESTS', 'PROPOSED', 'REVIEWED', 'AGREED', 'FINISHED') NOT NULL,
  ADD COLUMN pace_state ENUM('ON_PACE', 'BEHIND') NULL,
  ADD COLUMN monitored_at DATETIME(3) NULL,
  ADD COLUMN finished_at DATETIME(3) NULL;
