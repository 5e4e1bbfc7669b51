-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 6 (meals): the diet of each stay, the rates the province pays for meals
-- and the clothing kit, and the clothing kit handed to each resident on arrival. No rate is
-- seeded: the centre enters the rates in force with their legal basis, and a day without a
-- rate is shown as unpriced, never as 0 ₫. The CHECKs repeat the rules of app/shelter-meals.c
-- as a second line of defence.

-- A diet applies to a stay from a day until the next one recorded for that stay; a stay
-- without any row eats the normal diet.
CREATE TABLE diet (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stay (id),
  kind        TEXT NOT NULL
              CHECK (kind IN ('normal', 'vegetarian', 'soft_medical', 'infant', 'other')),
  note        TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 300),
  allergies   TEXT CHECK (allergies IS NULL OR length(allergies) BETWEEN 1 AND 300),
  valid_from  TEXT NOT NULL CHECK (length(valid_from) = 10),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  CHECK (kind NOT IN ('soft_medical', 'other') OR note IS NOT NULL)
);
CREATE INDEX diet_stay ON diet (stay_id, valid_from);

-- What the province pays: meals a day for each resident, and one clothing kit. A new rate
-- ends the one before it (same kind and province) on the day before it starts.
CREATE TABLE rate (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('meals_per_day', 'clothing_kit')),
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
CREATE INDEX rate_kind ON rate (kind, province_code, valid_from);

-- The clothing kit handed over on arrival: one a stay. @items lists the item codes handed
-- over, comma-separated; @cost_dong is the clothing_kit rate in force on the day, NULL when
-- there was none.
CREATE TABLE clothing_kit (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL UNIQUE REFERENCES stay (id),
  issued_on   TEXT NOT NULL CHECK (length(issued_on) = 10),
  issued_by   TEXT NOT NULL CHECK (length(issued_by) BETWEEN 1 AND 200),
  items       TEXT NOT NULL CHECK (length(items) BETWEEN 1 AND 500),
  rate_id     INTEGER REFERENCES rate (id),
  cost_dong   INTEGER CHECK (cost_dong IS NULL OR cost_dong > 0),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  CHECK ((rate_id IS NULL) = (cost_dong IS NULL))
);
