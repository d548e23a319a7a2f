-- «Земский учитель»: where the applicant lived before (the relocation rule compares it with the
-- school's settlement), and which application holds one of the places of its vacancy row.
-- Applications submitted before this migration named no previous settlement: NULL, not compared.
ALTER TABLE rural_grant_application
  ADD COLUMN previous_municipality VARCHAR(200) NULL,
  ADD COLUMN previous_settlement   VARCHAR(200) NULL,
  -- set once, by the step that takes a place of the vacancy row under the row's lock
  ADD COLUMN vacancy_place_taken_at DATETIME(3) NULL;

-- counting the places taken of one vacancy row, under that row's lock
CREATE INDEX ix_rural_grant_application_vacancy
  ON rural_grant_application (campaign_year, school_code, position, vacancy_place_taken_at);
