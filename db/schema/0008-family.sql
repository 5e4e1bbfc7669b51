-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 8 (family): the relatives of a person (liên hệ gia đình, domain.md section
-- 8) with the centre's judgement of their safety, every attempt to contact them, the tracing
-- of the family of a child who has none known, and the visits to the centre with the list of
-- people who may not visit. Nothing is deleted: a refused visit is kept like an allowed one.
-- The CHECKs repeat the rules of app/shelter-family.c as a second line of defence. Does not
-- depend on the other 0008 files; its tables all start with "family_".

-- A relative of a person (kept across stays). "Involved in the trafficking" forbids contact
-- and visits: such a relative is unsafe and may not be contacted. The phone is stored as the
-- intake stores phones (10 or 11 digits); the address as codes of a scheme.
CREATE TABLE family_relative (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES person (id),
  full_name       TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  relation        TEXT NOT NULL
                  CHECK (relation IN ('mother', 'father', 'husband', 'wife', 'partner', 'child',
                                      'sibling', 'grandparent', 'aunt_uncle', 'cousin',
                                      'guardian', 'other')),
  phone           TEXT CHECK (phone IS NULL OR length(phone) BETWEEN 10 AND 11),
  address_scheme  TEXT CHECK (address_scheme IS NULL OR
                              address_scheme IN ('vn-2025-07', 'vn-63')),
  province_code   TEXT CHECK (province_code IS NULL OR length(province_code) = 2),
  commune_code    TEXT CHECK (commune_code IS NULL OR length(commune_code) = 5),
  address_detail  TEXT CHECK (address_detail IS NULL OR length(address_detail) BETWEEN 1 AND 200),
  may_contact     INTEGER NOT NULL DEFAULT 1 CHECK (may_contact IN (0, 1)),
  safety          TEXT NOT NULL DEFAULT 'unknown' CHECK (safety IN ('safe', 'unsafe', 'unknown')),
  involved        INTEGER NOT NULL DEFAULT 0 CHECK (involved IN (0, 1)),
  safety_reason   TEXT CHECK (safety_reason IS NULL OR length(safety_reason) BETWEEN 1 AND 1000),
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  CHECK (involved = 0 OR (may_contact = 0 AND safety = 'unsafe')),
  CHECK (safety <> 'unsafe' OR safety_reason IS NOT NULL),
  CHECK ((address_scheme IS NULL) = (province_code IS NULL)),
  CHECK (commune_code IS NULL OR province_code IS NOT NULL)
);
CREATE INDEX family_relative_person ON family_relative (person_id, id);

-- One attempt to reach a relative during a stay, whatever came of it.
CREATE TABLE family_contact (
  id            INTEGER PRIMARY KEY,
  stay_id       INTEGER NOT NULL REFERENCES stay (id),
  relative_id   INTEGER NOT NULL REFERENCES family_relative (id),
  contacted_on  TEXT NOT NULL CHECK (length(contacted_on) = 10),
  method        TEXT NOT NULL
                CHECK (method IN ('phone', 'visit', 'letter', 'commune', 'police')),
  made_by       TEXT NOT NULL CHECK (length(made_by) BETWEEN 1 AND 200),
  result        TEXT NOT NULL
                CHECK (result IN ('reached', 'no_answer', 'refused', 'wrong_number')),
  notes         TEXT CHECK (notes IS NULL OR length(notes) BETWEEN 1 AND 2000),
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
);
CREATE INDEX family_contact_stay ON family_contact (stay_id, contacted_on, id);
-- The month without contact: the newest reached contact of each stay.
CREATE INDEX family_contact_reached ON family_contact (stay_id, contacted_on)
  WHERE result = 'reached';

-- The tracing of the family of a child without known family, at most one per stay.
CREATE TABLE family_tracing (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL UNIQUE REFERENCES stay (id),
  status      TEXT NOT NULL DEFAULT 'open'
              CHECK (status IN ('open', 'in_progress', 'found', 'verified', 'reunified',
                                'closed')),
  opened_on   TEXT NOT NULL CHECK (length(opened_on) = 10),
  agencies    TEXT CHECK (agencies IS NULL OR length(agencies) BETWEEN 1 AND 1000),
  note        TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
);

-- Someone who may not visit the person (by name, or a recorded relative), and why.
CREATE TABLE family_visit_ban (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (id),
  visitor_name  TEXT NOT NULL CHECK (length(visitor_name) BETWEEN 1 AND 200),
  relative_id   INTEGER REFERENCES family_relative (id),
  reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
);
CREATE INDEX family_visit_ban_person ON family_visit_ban (person_id);

-- A visit to the centre, or an attempt refused (with why, and the ban it hit if any).
CREATE TABLE family_visit (
  id              INTEGER PRIMARY KEY,
  stay_id         INTEGER NOT NULL REFERENCES stay (id),
  visitor_name    TEXT NOT NULL CHECK (length(visitor_name) BETWEEN 1 AND 200),
  relative_id     INTEGER REFERENCES family_relative (id),
  visited_at      TEXT NOT NULL CHECK (length(visited_at) >= 16),
  approved_by     TEXT CHECK (approved_by IS NULL OR length(approved_by) BETWEEN 1 AND 200),
  refused         INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1)),
  refusal_reason  TEXT CHECK (refusal_reason IS NULL OR length(refusal_reason) BETWEEN 1 AND 1000),
  ban_id          INTEGER REFERENCES family_visit_ban (id),
  notes           TEXT CHECK (notes IS NULL OR length(notes) BETWEEN 1 AND 2000),
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  CHECK (refused = (refusal_reason IS NOT NULL)),
  CHECK (refused = 1 OR approved_by IS NOT NULL)
);
CREATE INDEX family_visit_stay ON family_visit (stay_id, visited_at, id);
