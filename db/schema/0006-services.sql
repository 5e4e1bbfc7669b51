-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 6 (services): one record model for every service a resident receives
-- (medical, psychological, legal, schooling, vocational, interpretation, travel), the kind's
-- own fields as named values checked in app/shelter-services.c, the entitlements of the
-- Law on Prevention and Combat of Human Trafficking as a table with validity dates, the
-- exceptions a manager records, and the restricted medical facts (HIV status, pregnancy)
-- apart from everything else. The CHECKs repeat the rules of app/ as a second line of
-- defence. Does not depend on the other 0006 files.

-- Which support types (the letters of the law's article: a, b, c, d, đ stored as 'dd', e, g,
-- h, i, k) a person is entitled to, by person type, nationality status and, for a person
-- being identified, whether the trafficking was in the country or abroad ('any' when it does
-- not matter). A support type is allowed on a day when a row in force that day says so.
CREATE TABLE entitlement (
  id                  INTEGER PRIMARY KEY,
  person_type         TEXT NOT NULL
                      CHECK (person_type IN ('victim', 'being_identified', 'accompanying_minor',
                                             'other_protected')),
  nationality_status  TEXT NOT NULL CHECK (nationality_status IN ('citizen', 'stateless',
                                                                  'foreigner')),
  scope               TEXT NOT NULL DEFAULT 'any' CHECK (scope IN ('in_country', 'abroad', 'any')),
  support_type        TEXT NOT NULL
                      CHECK (support_type IN ('a', 'b', 'c', 'd', 'dd', 'e', 'g', 'h', 'i', 'k')),
  legal_basis         TEXT NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 300),
  valid_from          TEXT NOT NULL CHECK (length(valid_from) = 10),
  valid_to            TEXT CHECK (valid_to IS NULL OR length(valid_to) = 10),
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX entitlement_lookup ON entitlement (person_type, nationality_status, support_type);

-- The matrix of domain.md section 6, in force from the Law of 2024 (Luật số 53/2024/QH15,
-- in force from 01/07/2025). Before that day the same matrix applies by default, marked so
-- that the centre records the basis it worked under, as the stay limits do.
CREATE TEMP TABLE seed_matrix (person_type TEXT, nationality_status TEXT, scope TEXT,
                               support_type TEXT);
INSERT INTO seed_matrix
  SELECT p.column1, n.column1, 'any', t.column1
  FROM (VALUES ('victim'), ('other_protected')) p,
       (VALUES ('citizen'), ('stateless')) n,
       (VALUES ('a'), ('b'), ('c'), ('d'), ('dd'), ('e'), ('g'), ('h'), ('i'), ('k')) t;
INSERT INTO seed_matrix
  SELECT 'other_protected', 'foreigner', 'any', t.column1
  FROM (VALUES ('a'), ('b'), ('c'), ('d'), ('dd'), ('e'), ('g'), ('h'), ('i'), ('k')) t;
INSERT INTO seed_matrix
  SELECT p.column1, 'foreigner', 'any', t.column1
  FROM (VALUES ('victim'), ('accompanying_minor')) p,
       (VALUES ('a'), ('b'), ('c'), ('d'), ('dd'), ('g')) t;
INSERT INTO seed_matrix
  SELECT 'accompanying_minor', n.column1, 'any', t.column1
  FROM (VALUES ('citizen'), ('stateless')) n,
       (VALUES ('a'), ('b'), ('c'), ('d'), ('dd'), ('e'), ('g'), ('h')) t;
INSERT INTO seed_matrix
  SELECT 'being_identified', n.column1, 'in_country', t.column1
  FROM (VALUES ('citizen'), ('stateless')) n,
       (VALUES ('a'), ('b'), ('c'), ('d'), ('dd'), ('e'), ('g')) t;
INSERT INTO seed_matrix
  SELECT 'being_identified', 'foreigner', 'in_country', t.column1
  FROM (VALUES ('a'), ('b'), ('c'), ('d'), ('dd'), ('g')) t;
INSERT INTO seed_matrix
  SELECT 'being_identified', n.column1, 'abroad', t.column1
  FROM (VALUES ('citizen'), ('stateless'), ('foreigner')) n,
       (VALUES ('a'), ('b'), ('c'), ('d')) t;

INSERT INTO entitlement (person_type, nationality_status, scope, support_type, legal_basis,
                         valid_from, valid_to, created_at, created_by)
  SELECT person_type, nationality_status, scope, support_type,
         CASE WHEN person_type = 'other_protected'
              THEN 'Chế độ bảo trợ xã hội của trung tâm (không thuộc Luật Phòng, chống mua bán người)'
              ELSE 'Luật Phòng, chống mua bán người 2024, Điều 37' END,
         '2025-07-01', NULL, '2025-01-01T00:00:00+07:00', 'seed'
  FROM seed_matrix;
INSERT INTO entitlement (person_type, nationality_status, scope, support_type, legal_basis,
                         valid_from, valid_to, created_at, created_by)
  SELECT person_type, nationality_status, scope, support_type,
         'Mặc định trước 01/07/2025 (như Luật 2024): cần ghi căn cứ pháp lý đã áp dụng',
         '2000-01-01', '2025-06-30', '2025-01-01T00:00:00+07:00', 'seed'
  FROM seed_matrix;
DROP TABLE seed_matrix;

-- A manager's decision to give a stay a support type outside its entitlements.
CREATE TABLE entitlement_exception (
  id            INTEGER PRIMARY KEY,
  stay_id       INTEGER NOT NULL REFERENCES stay (id),
  support_type  TEXT NOT NULL
                CHECK (support_type IN ('a', 'b', 'c', 'd', 'dd', 'e', 'g', 'h', 'i', 'k')),
  reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  decided_by    TEXT NOT NULL,
  decided_at    TEXT NOT NULL
);
CREATE INDEX entitlement_exception_stay ON entitlement_exception (stay_id, support_type);

-- One service given to a resident during a stay. Done by a staff member (staff_user, an
-- account's user name) or an outside provider, or both. The confidential note is the
-- counsellor's, for psychological services only.
CREATE TABLE service (
  id                        INTEGER PRIMARY KEY,
  stay_id                   INTEGER NOT NULL REFERENCES stay (id),
  kind                      TEXT NOT NULL
                            CHECK (kind IN ('medical', 'psychological', 'legal', 'schooling',
                                            'vocational', 'interpretation', 'travel')),
  subkind                   TEXT NOT NULL CHECK (length(subkind) BETWEEN 1 AND 40),
  support_type              TEXT NOT NULL
                            CHECK (support_type IN ('a', 'b', 'c', 'd', 'dd', 'e', 'g', 'h', 'i',
                                                    'k')),
  done_on                   TEXT NOT NULL CHECK (length(done_on) = 10),
  staff_user                TEXT CHECK (staff_user IS NULL OR length(staff_user) BETWEEN 1 AND 64),
  provider                  TEXT CHECK (provider IS NULL OR length(provider) BETWEEN 1 AND 200),
  description               TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  outcome                   TEXT CHECK (outcome IS NULL OR length(outcome) BETWEEN 1 AND 2000),
  cost_dong                 INTEGER CHECK (cost_dong IS NULL OR
                                           cost_dong BETWEEN 0 AND 100000000000),
  next_on                   TEXT CHECK (next_on IS NULL OR length(next_on) = 10),
  confidential_note         TEXT CHECK (confidential_note IS NULL OR
                                        (kind = 'psychological' AND
                                         length(confidential_note) BETWEEN 1 AND 4000)),
  entitlement_exception_id  INTEGER REFERENCES entitlement_exception (id),
  voided_at                 TEXT,
  voided_by                 TEXT,
  void_reason               TEXT,
  created_at                TEXT NOT NULL,
  created_by                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  updated_by                TEXT NOT NULL,
  version                   INTEGER NOT NULL DEFAULT 1,
  CHECK (staff_user IS NOT NULL OR provider IS NOT NULL),
  CHECK (next_on IS NULL OR next_on >= done_on),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
-- The timeline of a stay; the centre-wide list newest first, by kind and by staff member
-- (paged, a million records); the health checks the reminders look for.
CREATE INDEX service_stay ON service (stay_id, done_on);
CREATE INDEX service_done ON service (done_on, id) WHERE voided_at IS NULL;
CREATE INDEX service_kind ON service (kind, done_on, id) WHERE voided_at IS NULL;
CREATE INDEX service_staff ON service (staff_user, done_on, id)
  WHERE staff_user IS NOT NULL AND voided_at IS NULL;
CREATE INDEX service_health_check ON service (stay_id, done_on)
  WHERE kind = 'medical' AND subkind IN ('arrival_check', 'periodic_check')
    AND voided_at IS NULL;

-- The fields of each kind (school and grade, trade and course dates, loan amount and
-- purpose, hospital, language...), by the names app/shelter-services.c defines.
CREATE TABLE service_detail (
  service_id  INTEGER NOT NULL REFERENCES service (id),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  value       TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 500),
  PRIMARY KEY (service_id, name)
) WITHOUT ROWID;

-- HIV status and pregnancy: readable by medical staff only, never on a list. Kept as a
-- history; the newest row of a field is the current value.
CREATE TABLE medical_restricted (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES person (id),
  field        TEXT NOT NULL CHECK (field IN ('hiv_status', 'pregnancy')),
  value        TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 40),
  recorded_on  TEXT NOT NULL CHECK (length(recorded_on) = 10),
  note         TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 500),
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX medical_restricted_person ON medical_restricted (person_id, field, recorded_on);
