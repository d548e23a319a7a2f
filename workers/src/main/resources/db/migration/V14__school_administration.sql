-- The school's administrative team, imported as school data like its results: names and positions
-- only, in the order the school lists them (the head first). The cadre reserve reads it twice: an
-- internship school needs a member who is a graduate, finalist or winner of a project of the
-- «Россия – страна возможностей» platform, and a level-3 team is the project school's
-- administrative team together with the reservists.
CREATE TABLE school_administration (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_code VARCHAR(32)  NOT NULL,
  full_name   VARCHAR(200) NOT NULL,
  position    VARCHAR(200) NOT NULL,
  rsv_alumnus BOOLEAN      NOT NULL,
  imported_at DATETIME(3)  NOT NULL,
  INDEX ix_school_administration_school (school_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
