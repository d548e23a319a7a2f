-- Reference data shared by every process: the region's municipalities and their schools.
CREATE TABLE municipality (
  code VARCHAR(16)  NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  CONSTRAINT uk_municipality_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE school (
  code                  VARCHAR(32)  NOT NULL PRIMARY KEY,
  name                  VARCHAR(300) NOT NULL,
  municipality_code     VARCHAR(16)  NOT NULL,
  settlement_name       VARCHAR(200) NOT NULL,
  settlement_type       VARCHAR(32)  NOT NULL,
  settlement_population INT          NOT NULL,
  CONSTRAINT fk_school_municipality FOREIGN KEY (municipality_code) REFERENCES municipality (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
