-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 5: placement suited to sex and age. The age groups of rooms get bounds the
-- centre can change; a placement a room does not suit (a manager's decision) keeps its
-- written reason; temporary absences (hospital, court, home leave) keep the bed.

CREATE TABLE age_band (
  code        TEXT PRIMARY KEY CHECK (code IN ('child', 'youth', 'adult', 'elderly')),
  min_age     INTEGER NOT NULL CHECK (min_age BETWEEN 0 AND 150),
  max_age     INTEGER CHECK (max_age IS NULL OR max_age BETWEEN min_age AND 150),
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
);
INSERT INTO age_band (code, min_age, max_age, updated_at, updated_by) VALUES
  ('child', 0, 15, '2025-01-01T00:00:00+07:00', 'seed'),
  ('youth', 16, 17, '2025-01-01T00:00:00+07:00', 'seed'),
  ('adult', 18, 59, '2025-01-01T00:00:00+07:00', 'seed'),
  ('elderly', 60, NULL, '2025-01-01T00:00:00+07:00', 'seed');

ALTER TABLE placement ADD COLUMN override_reason TEXT;

CREATE TABLE absence (
  id                 INTEGER PRIMARY KEY,
  stay_id            INTEGER NOT NULL REFERENCES stay (id),
  kind               TEXT NOT NULL CHECK (kind IN ('hospital', 'court', 'home_leave', 'other')),
  note               TEXT CHECK (length(note) <= 500),
  started_at         TEXT NOT NULL,
  planned_return_on  TEXT NOT NULL,
  returned_at        TEXT,
  voided_at          TEXT,
  voided_by          TEXT,
  void_reason        TEXT,
  created_at         TEXT NOT NULL,
  created_by         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  updated_by         TEXT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1,
  CHECK (planned_return_on >= substr(started_at, 1, 10)),
  CHECK (returned_at IS NULL OR returned_at >= started_at)
);
CREATE INDEX absence_stay ON absence (stay_id, started_at);
CREATE INDEX absence_open ON absence (planned_return_on)
  WHERE returned_at IS NULL AND voided_at IS NULL;

-- How long a stay may last, by law and by decision of the province: emergency protection
-- at most 3 months, state-funded meals at most 60 days. Kept with their legal basis and
-- the days they apply, since decrees change them; the seeded rows are the defaults of
-- domain.md and say that the centre must record the basis in force.
CREATE TABLE stay_limit (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('emergency_protection', 'funded_meals')),
  days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3650),
  legal_basis  TEXT NOT NULL,
  valid_from   TEXT NOT NULL,
  valid_to     TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
INSERT INTO stay_limit (kind, days, legal_basis, valid_from, created_at, created_by) VALUES
  ('emergency_protection', 90, 'Mặc định (3 tháng): cần ghi căn cứ pháp lý hiện hành',
   '2000-01-01', '2025-01-01T00:00:00+07:00', 'seed'),
  ('funded_meals', 60, 'Mặc định (60 ngày): cần ghi căn cứ pháp lý hiện hành',
   '2000-01-01', '2025-01-01T00:00:00+07:00', 'seed');

-- A manager's recorded decision to keep someone past the stay limit.
CREATE TABLE stay_extension (
  id           INTEGER PRIMARY KEY,
  stay_id      INTEGER NOT NULL REFERENCES stay (id),
  extended_to  TEXT NOT NULL,
  decision     TEXT NOT NULL CHECK (length(decision) BETWEEN 1 AND 500),
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX stay_extension_stay ON stay_extension (stay_id, extended_to);
