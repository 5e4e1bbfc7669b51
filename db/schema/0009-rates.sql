-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 9 (rates): the meal allowance for each day of the journey home (tiền ăn
-- đường), a new kind of rate beside the meals a day and the clothing kit, paid at
-- discharge with the fare. SQLite cannot change a CHECK in place: the table is copied into
-- a new one, and clothing_kit, which refers to it, with it (children before parents, so
-- that the foreign keys hold at every step).

CREATE TABLE rate_v9 (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL
                 CHECK (kind IN ('meals_per_day', 'clothing_kit', 'travel_meal_per_day')),
  province_code  TEXT NOT NULL CHECK (length(province_code) BETWEEN 1 AND 10),
  amount_dong    INTEGER NOT NULL CHECK (amount_dong > 0 AND amount_dong <= 1000000000),
  legal_basis    TEXT NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 300),
  valid_from     TEXT NOT NULL CHECK (length(valid_from) = 10),
  valid_to       TEXT CHECK (valid_to IS NULL OR length(valid_to) = 10),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
INSERT INTO rate_v9 SELECT id, kind, province_code, amount_dong, legal_basis, valid_from,
                           valid_to, created_at, created_by, updated_at, updated_by, version
  FROM rate;

CREATE TABLE clothing_kit_v9 (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL UNIQUE REFERENCES stay (id),
  issued_on   TEXT NOT NULL CHECK (length(issued_on) = 10),
  issued_by   TEXT NOT NULL CHECK (length(issued_by) BETWEEN 1 AND 200),
  items       TEXT NOT NULL CHECK (length(items) BETWEEN 1 AND 500),
  rate_id     INTEGER REFERENCES rate_v9 (id),
  cost_dong   INTEGER CHECK (cost_dong IS NULL OR cost_dong > 0),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  CHECK ((rate_id IS NULL) = (cost_dong IS NULL))
);
INSERT INTO clothing_kit_v9 SELECT id, stay_id, issued_on, issued_by, items, rate_id,
                                   cost_dong, created_at, created_by
  FROM clothing_kit;

DROP TABLE clothing_kit;
DROP TABLE rate;
-- Renaming updates the reference of clothing_kit_v9 to the new name.
ALTER TABLE rate_v9 RENAME TO rate;
ALTER TABLE clothing_kit_v9 RENAME TO clothing_kit;
CREATE INDEX rate_kind ON rate (kind, province_code, valid_from);
