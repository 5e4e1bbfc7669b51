-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4: the whole intake. The person gains the fields the reception form asks
-- (other names, religion, languages, hometown, the street or village of the residence);
-- each stay opened at the desk gets its intake (who handed the person over, trafficking
-- details, consent, arrival), the list of belongings, the case-file documents received,
-- and a draft table so that an intake interrupted by a lock or a closed window is not lost.

ALTER TABLE person ADD COLUMN other_names TEXT CHECK (length(other_names) <= 200);
ALTER TABLE person ADD COLUMN religion TEXT;
ALTER TABLE person ADD COLUMN languages TEXT CHECK (length(languages) <= 200);
ALTER TABLE person ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0
  CHECK (interpreter_needed IN (0, 1));
ALTER TABLE person ADD COLUMN home_detail TEXT CHECK (length(home_detail) <= 200);
ALTER TABLE person ADD COLUMN origin_scheme TEXT;
ALTER TABLE person ADD COLUMN origin_province_code TEXT;
ALTER TABLE person ADD COLUMN origin_commune_code TEXT;

CREATE TABLE intake (
  stay_id                  INTEGER PRIMARY KEY REFERENCES stay (id),
  record_number            TEXT NOT NULL UNIQUE,
  handed_over_by           TEXT NOT NULL
                           CHECK (handed_over_by IN ('police', 'border_guard', 'coast_guard',
                                                     'commune', 'hotline', 'ngo',
                                                     'foreign_authority', 'self')),
  officer_name             TEXT,
  officer_unit             TEXT,
  received_place           TEXT,
  linked_person_id         INTEGER REFERENCES person (id),
  trafficking_scope        TEXT CHECK (trafficking_scope IN ('domestic', 'abroad')),
  destination_country      TEXT,
  return_mode              TEXT CHECK (return_mode IN ('self_return', 'rescued',
                                                        'foreign_handover')),
  identification_status    TEXT CHECK (identification_status IN ('identified', 'in_progress',
                                                                  'not_started')),
  identification_document  TEXT,
  consent_status           TEXT NOT NULL CHECK (consent_status IN ('given', 'not_now')),
  consent_record           INTEGER NOT NULL DEFAULT 0 CHECK (consent_record IN (0, 1)),
  consent_share            INTEGER NOT NULL DEFAULT 0 CHECK (consent_share IN (0, 1)),
  consent_share_agencies   TEXT,
  consent_photo            INTEGER NOT NULL DEFAULT 0 CHECK (consent_photo IN (0, 1)),
  consent_given_by         TEXT CHECK (consent_given_by IN ('person', 'guardian')),
  guardian_name            TEXT,
  consent_not_now_reason   TEXT,
  consent_ask_again_on     TEXT,
  health_at_arrival        TEXT,
  urgent_needs             TEXT,
  safety_note              TEXT,
  person_signs             INTEGER NOT NULL DEFAULT 1 CHECK (person_signs IN (0, 1)),
  not_signed_reason        TEXT,
  created_at               TEXT NOT NULL,
  created_by               TEXT NOT NULL,
  updated_at               TEXT NOT NULL,
  updated_by               TEXT NOT NULL,
  version                  INTEGER NOT NULL DEFAULT 1,
  CHECK (consent_status = 'given' OR
         (consent_not_now_reason IS NOT NULL AND consent_ask_again_on IS NOT NULL))
);
CREATE INDEX intake_linked_person ON intake (linked_person_id)
  WHERE linked_person_id IS NOT NULL;
CREATE INDEX intake_consent_ask_again ON intake (consent_ask_again_on)
  WHERE consent_status = 'not_now';

CREATE TABLE intake_purpose (
  stay_id  INTEGER NOT NULL REFERENCES intake (stay_id),
  purpose  TEXT NOT NULL
           CHECK (purpose IN ('sexual_exploitation', 'forced_labour', 'forced_marriage',
                              'organ_removal', 'child_adoption', 'money_property',
                              'other_inhumane')),
  PRIMARY KEY (stay_id, purpose)
);

CREATE TABLE intake_belonging (
  stay_id      INTEGER NOT NULL REFERENCES intake (stay_id),
  position     INTEGER NOT NULL CHECK (position >= 1),
  description  TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
  PRIMARY KEY (stay_id, position)
);

-- The documents of the case file (hồ sơ) received so far; the list of those required and
-- the deadline (working days from reception) are the app's.
CREATE TABLE case_document (
  id           INTEGER PRIMARY KEY,
  stay_id      INTEGER NOT NULL REFERENCES stay (id),
  kind         TEXT NOT NULL
               CHECK (kind IN ('declaration', 'id_copy', 'intake_record', 'commune_request',
                               'admission_decision')),
  received_on  TEXT NOT NULL,
  note         TEXT,
  voided_at    TEXT,
  voided_by    TEXT,
  void_reason  TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX case_document_current ON case_document (stay_id, kind)
  WHERE voided_at IS NULL;

-- One unfinished intake per staff member, kept as the form's text so that a lock, a
-- closed window or a crash does not lose what was typed. Deleted when the intake is saved
-- or discarded: a draft is not case data yet.
CREATE TABLE intake_draft (
  owner     TEXT PRIMARY KEY,
  format    INTEGER NOT NULL,
  saved_at  TEXT NOT NULL,
  payload   TEXT NOT NULL CHECK (length(payload) <= 200000)
);

-- Search, for the first screen of results within 10 ms at 100,000 residents: prefix
-- indexes of one to three characters (a reception desk types "ng", "dao"), and the name
-- order over living rows only, so that a search matching thousands of people walks the
-- names in order instead of sorting every match. The words are copied, not re-derived.
DROP INDEX person_sort;
CREATE INDEX person_sort ON person (sort_key) WHERE voided_at IS NULL;

CREATE VIRTUAL TABLE person_search_v4 USING fts5 (words, tokenize = 'unicode61', detail = none,
                                                  prefix = '1 2 3');
INSERT INTO person_search_v4 (rowid, words) SELECT rowid, words FROM person_search;
DROP TABLE person_search;
ALTER TABLE person_search_v4 RENAME TO person_search;
