-- Issue 16 in the cadre reserve.
-- A candidate whose team did not pass level 2 is only RECOMMENDED to the municipal reserve; the
-- municipality's decision (confirmed or declined, by whom, when, why) is recorded here, and only a
-- confirmed one lists the candidate as a municipal reservist.
ALTER TABLE cadre_candidate
  ADD COLUMN municipal_decision        VARCHAR(16),
  ADD COLUMN municipal_decided_by      VARCHAR(100),
  ADD COLUMN municipal_decided_at      DATETIME(3),
  ADD COLUMN municipal_decline_reason  VARCHAR(2000),
  -- the reservist's individual development plan, set by HR: IN_PROGRESS or COMPLETED (NULL: not started)
  ADD COLUMN plan_status               VARCHAR(16);

-- Level-2 candidates put in the municipal reserve before the municipality's confirmation existed
-- (no individual score: they never reached level 3) were only recommended to it.
UPDATE cadre_candidate SET status = 'MUNICIPAL_RECOMMENDED', reserve = NULL
WHERE status = 'MUNICIPAL_RESERVE' AND individual_score IS NULL;

-- The idea bank shows the author's name only where the author agreed to it when uploading the idea.
ALTER TABLE cadre_idea ADD COLUMN author_consent BOOLEAN NOT NULL DEFAULT FALSE;
