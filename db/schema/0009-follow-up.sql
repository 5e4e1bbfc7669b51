-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 9 (follow-up): the follow-up of a person after discharge (theo dõi sau hỗ
-- trợ, domain.md section 11), at least six months so that they are not sold again. The
-- schedule (by default 1, 3 and 6 months after the discharge) is written with the
-- discharge; each follow-up is then done (a visit or a call, through the commune where
-- needed) or cancelled when the case is closed early. The CHECKs repeat the rules of
-- app/shelter-follow-up.c as a second line of defence.

CREATE TABLE follow_up (
  id             INTEGER PRIMARY KEY,
  stay_id        INTEGER NOT NULL REFERENCES stay (id),
  due_on         TEXT NOT NULL CHECK (length(due_on) = 10),
  method         TEXT NOT NULL CHECK (method IN ('visit', 'call', 'commune')),
  assigned_to    TEXT CHECK (assigned_to IS NULL OR length(assigned_to) BETWEEN 1 AND 64),
  status         TEXT NOT NULL DEFAULT 'planned'
                 CHECK (status IN ('planned', 'done', 'cancelled')),
  done_on        TEXT CHECK (done_on IS NULL OR length(done_on) = 10),
  done_by        TEXT CHECK (done_by IS NULL OR length(done_by) BETWEEN 1 AND 200),
  situation      TEXT CHECK (situation IS NULL OR
                             situation IN ('stable', 'at_risk', 're_trafficked', 'lost_contact')),
  living         TEXT CHECK (living IS NULL OR
                             living IN ('with_family', 'with_spouse', 'alone', 'with_others',
                                        'in_facility', 'unknown')),
  activity       TEXT CHECK (activity IS NULL OR
                             activity IN ('working', 'studying', 'training', 'looking_for_work',
                                          'none', 'unknown')),
  activity_note  TEXT CHECK (activity_note IS NULL OR length(activity_note) BETWEEN 1 AND 500),
  -- The support given since: a comma-separated set of loan, training, job, schooling,
  -- allowance; NULL for none.
  support        TEXT CHECK (support IS NULL OR length(support) BETWEEN 1 AND 100),
  next_step      TEXT CHECK (next_step IS NULL OR length(next_step) BETWEEN 1 AND 1000),
  notes          TEXT CHECK (notes IS NULL OR length(notes) BETWEEN 1 AND 2000),
  cancel_reason  TEXT CHECK (cancel_reason IS NULL OR length(cancel_reason) BETWEEN 1 AND 1000),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK ((status = 'done') = (done_on IS NOT NULL)),
  CHECK ((status = 'done') = (situation IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);
CREATE INDEX follow_up_stay ON follow_up (stay_id, due_on);
-- What is due this week and overdue, centre-wide.
CREATE INDEX follow_up_due ON follow_up (due_on) WHERE status = 'planned';

-- The closing of a case after the last follow-up, or earlier with a reason (the planned
-- follow-ups left are then cancelled with that reason).
CREATE TABLE case_closure (
  stay_id     INTEGER PRIMARY KEY REFERENCES stay (id),
  closed_on   TEXT NOT NULL CHECK (length(closed_on) = 10),
  closed_by   TEXT NOT NULL,
  early       INTEGER NOT NULL CHECK (early IN (0, 1)),
  reason      TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 1000),
  summary     TEXT CHECK (summary IS NULL OR length(summary) BETWEEN 1 AND 4000),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  CHECK (early = 0 OR reason IS NOT NULL)
);
