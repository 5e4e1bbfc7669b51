-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 8 (safety protection, bảo vệ an toàn): the risk to a resident, assessed
-- again and again (every assessment a row: the newest is the current one), the incidents
-- that happened and each time the police or border guard were informed. Nothing is updated
-- or deleted. The CHECKs repeat the rules of app/shelter-safety.c as a second line of
-- defence.

-- A risk assessment: the level with its reasons and the protective measures, to be
-- reviewed by a date. protection_set says that this assessment turned the person's high
-- protection on (a "high" level does so in the same transaction).
CREATE TABLE risk_assessment (
  id              INTEGER PRIMARY KEY,
  stay_id         INTEGER NOT NULL REFERENCES stay (id),
  assessed_on     TEXT NOT NULL CHECK (length(assessed_on) = 10),
  level           TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
  reasons         TEXT NOT NULL CHECK (length(reasons) BETWEEN 1 AND 2000),
  measures        TEXT CHECK (measures IS NULL OR length(measures) BETWEEN 1 AND 2000),
  review_on       TEXT NOT NULL CHECK (length(review_on) = 10),
  protection_set  INTEGER NOT NULL DEFAULT 0 CHECK (protection_set IN (0, 1)),
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  CHECK (review_on > assessed_on),
  CHECK (level = 'low' OR measures IS NOT NULL),
  CHECK (protection_set = 0 OR level = 'high')
);
CREATE INDEX risk_assessment_stay ON risk_assessment (stay_id, assessed_on, id);

-- Something that happened: when, what, who was involved and what the centre did.
CREATE TABLE safety_incident (
  id           INTEGER PRIMARY KEY,
  stay_id      INTEGER NOT NULL REFERENCES stay (id),
  occurred_on  TEXT NOT NULL CHECK (length(occurred_on) = 10),
  what         TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 4000),
  involved     TEXT CHECK (involved IS NULL OR length(involved) BETWEEN 1 AND 1000),
  actions      TEXT NOT NULL CHECK (length(actions) BETWEEN 1 AND 4000),
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX safety_incident_stay ON safety_incident (stay_id, occurred_on, id);

-- The centre informed the provincial police or border guard: when (ISO 8601), which unit,
-- which officer, by what means, their reference, and what was said or done; possibly about
-- one incident.
CREATE TABLE police_report (
  id           INTEGER PRIMARY KEY,
  stay_id      INTEGER NOT NULL REFERENCES stay (id),
  incident_id  INTEGER REFERENCES safety_incident (id),
  informed_at  TEXT NOT NULL CHECK (length(informed_at) = 25),
  unit         TEXT NOT NULL CHECK (unit IN ('police', 'border_guard')),
  officer      TEXT NOT NULL CHECK (length(officer) BETWEEN 1 AND 200),
  means        TEXT NOT NULL CHECK (means IN ('phone', 'in_person', 'written')),
  reference    TEXT CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 200),
  note         TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX police_report_stay ON police_report (stay_id, informed_at, id);
