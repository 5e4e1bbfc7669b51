-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1: the centre, its staff, rooms, people, stays, placements, the audit log
-- and the reference tables. Every case table carries created/updated at/by and a version
-- counter for optimistic locking; case data is voided with a reason, never deleted.
-- Times are ISO 8601 text with their offset; dates are YYYY-MM-DD.

CREATE TABLE centre (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  province_scheme TEXT,
  province_code   TEXT,
  address         TEXT,
  head_name       TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE staff_user (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
  full_name       TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  role            TEXT NOT NULL
                  CHECK (role IN ('administrator', 'manager', 'caseworker', 'medical', 'counsellor')),
  password_hash   TEXT,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE room (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20),
  building        TEXT NOT NULL DEFAULT '',
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  sex_use         TEXT NOT NULL CHECK (sex_use IN ('female', 'male', 'family')),
  age_group       TEXT NOT NULL CHECK (age_group IN ('child', 'youth', 'adult', 'elderly', 'any')),
  beds            INTEGER NOT NULL CHECK (beds BETWEEN 1 AND 200),
  area_m2         REAL NOT NULL CHECK (area_m2 > 0),
  care_24h        INTEGER NOT NULL DEFAULT 0 CHECK (care_24h IN (0, 1)),
  accessible      INTEGER NOT NULL DEFAULT 0 CHECK (accessible IN (0, 1)),
  opened_on       TEXT NOT NULL,
  closed_on       TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE person (
  id                  INTEGER PRIMARY KEY,
  case_code           TEXT NOT NULL UNIQUE,
  family_name         TEXT NOT NULL DEFAULT '',
  middle_name         TEXT NOT NULL DEFAULT '',
  given_name          TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  -- ICU collation key of "given middle family" in Vietnamese order, so lists sort in SQL.
  sort_key            BLOB NOT NULL,
  sex                 TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  birth_date          TEXT,
  birth_precision     TEXT NOT NULL DEFAULT 'unknown'
                      CHECK (birth_precision IN ('day', 'year', 'estimated', 'unknown')),
  ethnicity_scheme    TEXT,
  ethnicity_code      TEXT,
  nationality         TEXT,
  nationality_status  TEXT NOT NULL DEFAULT 'citizen'
                      CHECK (nationality_status IN ('citizen', 'stateless', 'foreigner')),
  id_paper            TEXT NOT NULL DEFAULT 'none'
                      CHECK (id_paper IN ('cccd', 'cmnd', 'passport', 'none')),
  id_number           TEXT,
  phone               TEXT,
  home_scheme         TEXT,
  home_province_code  TEXT,
  home_commune_code   TEXT,
  person_type         TEXT NOT NULL
                      CHECK (person_type IN ('victim', 'being_identified', 'accompanying_minor',
                                             'other_protected')),
  high_protection     INTEGER NOT NULL DEFAULT 0 CHECK (high_protection IN (0, 1)),
  voided_at           TEXT,
  voided_by           TEXT,
  void_reason         TEXT,
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  updated_by          TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX person_sort ON person (sort_key);
CREATE INDEX person_id_number ON person (id_number) WHERE id_number IS NOT NULL;

-- The last serial used for each case-code prefix ("2026-"), so that the next code is one
-- read and one write inside the admission's transaction, however many people there are.
CREATE TABLE case_code_counter (
  prefix      TEXT PRIMARY KEY,
  last_serial INTEGER NOT NULL CHECK (last_serial >= 0)
);

-- Diacritic-free, lower-case words of a person's names, case code, ID number and phone,
-- folded in app/ (FTS5's own folding does not map đ to d).
CREATE VIRTUAL TABLE person_search USING fts5 (words, tokenize = 'unicode61', detail = none);

CREATE TABLE stay (
  id                INTEGER PRIMARY KEY,
  person_id         INTEGER NOT NULL REFERENCES person (id),
  admitted_at       TEXT NOT NULL,
  discharged_at     TEXT,
  discharge_reason  TEXT,
  voided_at         TEXT,
  voided_by         TEXT,
  void_reason       TEXT,
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1,
  CHECK (discharged_at IS NULL OR discharged_at >= admitted_at)
);
CREATE INDEX stay_person ON stay (person_id, admitted_at);
CREATE INDEX stay_open ON stay (discharged_at) WHERE discharged_at IS NULL;

CREATE TABLE placement (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stay (id),
  room_id     INTEGER NOT NULL REFERENCES room (id),
  started_at  TEXT NOT NULL,
  ended_at    TEXT,
  reason      TEXT NOT NULL DEFAULT '',
  voided_at   TEXT,
  voided_by   TEXT,
  void_reason TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX placement_stay ON placement (stay_id, started_at);
CREATE INDEX placement_room_open ON placement (room_id) WHERE ended_at IS NULL;

-- Append-only: who did what to which record, and what changed (restricted values masked).
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   INTEGER,
  details     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_actor ON audit_log (actor, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'audit_log is append-only');
END;

-- Reference data. Administrative codes are only meaningful with their scheme:
-- 'vn-63' (until 30/06/2025) or 'vn-2025-07' (from 01/07/2025); codes were reused.
CREATE TABLE admin_unit (
  scheme      TEXT NOT NULL CHECK (scheme IN ('vn-63', 'vn-2025-07')),
  level       TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  full_name   TEXT NOT NULL,
  parent_code TEXT,
  PRIMARY KEY (scheme, level, code)
);
CREATE INDEX admin_unit_parent ON admin_unit (scheme, parent_code);

-- Commune-level mapping from the 63-province scheme to the 2025 scheme.
-- 'full': the whole old commune became part of the new one; 'partial': only a part did.
CREATE TABLE admin_unit_mapping (
  old_code    TEXT NOT NULL,
  new_code    TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('full', 'partial')),
  PRIMARY KEY (old_code, new_code)
);

CREATE TABLE ethnic_group (
  scheme      TEXT NOT NULL,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  PRIMARY KEY (scheme, code)
);

CREATE TABLE country (
  code        TEXT PRIMARY KEY CHECK (length(code) = 2),
  alpha3      TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  name_vi     TEXT NOT NULL
);
