-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 7 (support plan): the individual support plan (kế hoạch trợ giúp) of a
-- stay, drawn from a needs assessment in the eight areas of the guidelines, drafted by a
-- caseworker, approved by a manager, then carried out (goals with services, who is
-- responsible and a target date; progress notes) and reviewed by a date. Nothing is ever
-- deleted: a plan is cancelled, a goal dropped, a goal taken out of a draft is marked
-- withdrawn. The CHECKs repeat the rules of app/shelter-support-plan.c as a second line of
-- defence.

-- A needs assessment: who assessed the resident on which day. The newest of a stay is the
-- one a plan is drawn from.
CREATE TABLE needs_assessment (
  id           INTEGER PRIMARY KEY,
  stay_id      INTEGER NOT NULL REFERENCES stay (id),
  assessed_on  TEXT NOT NULL CHECK (length(assessed_on) = 10),
  assessed_by  TEXT NOT NULL CHECK (length(assessed_by) BETWEEN 1 AND 64),
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX needs_assessment_stay ON needs_assessment (stay_id, assessed_on, id);

-- One row per area: health; education, training and work; livelihood; family and social
-- relations; life skills; community participation; psychological and emotional; other.
CREATE TABLE needs_assessment_area (
  assessment_id  INTEGER NOT NULL REFERENCES needs_assessment (id),
  area           TEXT NOT NULL
                 CHECK (area IN ('health', 'education', 'livelihood', 'family',
                                 'life_skills', 'community', 'psychological', 'other')),
  level          TEXT NOT NULL CHECK (level IN ('none', 'low', 'medium', 'high')),
  note           TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 1000),
  PRIMARY KEY (assessment_id, area)
) WITHOUT ROWID;

-- The plan. Only a manager's approval (approved_by/at, with a review date) lets it go on;
-- at most one plan of a stay is open (draft, approved or in progress) at a time.
CREATE TABLE support_plan (
  id             INTEGER PRIMARY KEY,
  stay_id        INTEGER NOT NULL REFERENCES stay (id),
  assessment_id  INTEGER NOT NULL REFERENCES needs_assessment (id),
  status         TEXT NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'approved', 'in_progress', 'completed',
                                   'cancelled')),
  drafted_by     TEXT NOT NULL,
  drafted_at     TEXT NOT NULL,
  approved_by    TEXT,
  approved_at    TEXT,
  review_on      TEXT CHECK (review_on IS NULL OR length(review_on) = 10),
  started_at     TEXT,
  started_by     TEXT,
  closed_at      TEXT,
  closed_by      TEXT,
  close_reason   TEXT CHECK (close_reason IS NULL OR length(close_reason) BETWEEN 1 AND 1000),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
  CHECK (status IN ('draft', 'cancelled') OR approved_at IS NOT NULL),
  CHECK (approved_at IS NULL OR review_on IS NOT NULL),
  CHECK (status NOT IN ('in_progress', 'completed') OR started_at IS NOT NULL),
  CHECK ((status IN ('completed', 'cancelled')) = (closed_at IS NOT NULL)),
  CHECK ((closed_at IS NULL) = (close_reason IS NULL))
);
CREATE INDEX support_plan_stay ON support_plan (stay_id, id);
CREATE UNIQUE INDEX support_plan_open ON support_plan (stay_id)
  WHERE status IN ('draft', 'approved', 'in_progress');
-- The reminders: plans going on whose review date has come.
CREATE INDEX support_plan_review ON support_plan (review_on)
  WHERE status IN ('approved', 'in_progress');

-- A goal of the plan, in one of the assessed areas: what is to be reached, the services
-- planned (in words, and the support type of the law's article when there is one: a, b, c,
-- d, đ stored 'dd', e, g, h, i, k), who is responsible (a staff account's user name or an
-- outside provider) and by when.
CREATE TABLE plan_goal (
  id             INTEGER PRIMARY KEY,
  plan_id        INTEGER NOT NULL REFERENCES support_plan (id),
  position       INTEGER NOT NULL CHECK (position >= 0),
  area           TEXT NOT NULL
                 CHECK (area IN ('health', 'education', 'livelihood', 'family',
                                 'life_skills', 'community', 'psychological', 'other')),
  goal           TEXT NOT NULL CHECK (length(goal) BETWEEN 1 AND 500),
  services       TEXT NOT NULL CHECK (length(services) BETWEEN 1 AND 500),
  support_type   TEXT CHECK (support_type IS NULL OR
                             support_type IN ('a', 'b', 'c', 'd', 'dd', 'e', 'g', 'h', 'i',
                                              'k')),
  responsible    TEXT NOT NULL CHECK (length(responsible) BETWEEN 1 AND 200),
  target_on      TEXT NOT NULL CHECK (length(target_on) = 10),
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped')),
  status_note    TEXT CHECK (status_note IS NULL OR length(status_note) BETWEEN 1 AND 1000),
  withdrawn_at   TEXT,  -- taken out of the draft before approval; kept for the record
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL
);
CREATE INDEX plan_goal_plan ON plan_goal (plan_id, position) WHERE withdrawn_at IS NULL;

-- What happened: a note on the plan, or on one of its goals.
CREATE TABLE plan_progress_note (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES support_plan (id),
  goal_id      INTEGER REFERENCES plan_goal (id),
  written_on   TEXT NOT NULL CHECK (length(written_on) = 10),
  written_by   TEXT NOT NULL CHECK (length(written_by) BETWEEN 1 AND 64),
  text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX plan_progress_note_plan ON plan_progress_note (plan_id, written_on, id);
