-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 8 (referral, chuyển tuyến): the directory of partner organisations and the
-- referrals of residents to them (outgoing) or of people to the centre (incoming), in the
-- steps of the hotline plan: (a) risk and vulnerability assessment, (b) the person's opinion,
-- (c) what the receiving agency offers and its agreement, (d) the person's informed decision,
-- (e) the papers with the consent and the fields shared, (g) the departure, (h) follow-up and
-- the handover record. The receiving agency answers within 1 working day of sending and
-- reports a first result within 5; the deadlines are worked out from sent_on by
-- app/shelter-referrals.c with the holiday table. Nothing is deleted: a referral is withdrawn,
-- a partner made inactive. The CHECKs repeat the rules of app/shelter-referrals.c.

CREATE TABLE partner (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL
                  CHECK (kind IN ('hospital', 'legal_aid', 'school', 'vocational_school',
                                  'police', 'commune_committee', 'ngo', 'shelter', 'hotline')),
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- The designated contact person: information about a victim goes to them only.
  contact_person  TEXT CHECK (contact_person IS NULL OR length(contact_person) BETWEEN 1 AND 100),
  phone           TEXT CHECK (phone IS NULL OR length(phone) BETWEEN 1 AND 30),
  email           TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 200),
  address         TEXT CHECK (address IS NULL OR length(address) BETWEEN 1 AND 300),
  services        TEXT CHECK (services IS NULL OR length(services) BETWEEN 1 AND 1000),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX partner_kind ON partner (kind, name);

CREATE TABLE referral (
  id                INTEGER PRIMARY KEY,
  direction         TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
  -- Outgoing: the resident's stay. Incoming: the stay once the person is received, if ever.
  stay_id           INTEGER REFERENCES stay (id),
  -- Incoming: how the sender names the case (a code or initials), without the stay.
  subject           TEXT CHECK (subject IS NULL OR length(subject) BETWEEN 1 AND 200),
  partner_id        INTEGER NOT NULL REFERENCES partner (id),
  purpose           TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
  status            TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'completed',
                                      'withdrawn')),
  -- (a)
  risk_level        TEXT CHECK (risk_level IS NULL OR risk_level IN ('low', 'medium', 'high')),
  risk_assessment   TEXT,
  assessed_on       TEXT CHECK (assessed_on IS NULL OR length(assessed_on) = 10),
  -- (b)
  person_opinion    TEXT,
  -- (c)
  agency_offer      TEXT,
  agency_agreed_on  TEXT CHECK (agency_agreed_on IS NULL OR length(agency_agreed_on) = 10),
  -- (d), (e)
  decision          TEXT CHECK (decision IS NULL OR decision IN ('agrees', 'refuses')),
  decided_on        TEXT CHECK (decided_on IS NULL OR length(decided_on) = 10),
  consent_by        TEXT CHECK (consent_by IS NULL OR consent_by IN ('person', 'guardian')),
  consent_guardian  TEXT,
  legal_ground      TEXT,
  legal_ground_by   TEXT,
  health_summary    TEXT,
  case_summary      TEXT,
  -- Sending and the answer.
  sent_on           TEXT CHECK (sent_on IS NULL OR length(sent_on) = 10),
  sent_by           TEXT,
  answered_on       TEXT CHECK (answered_on IS NULL OR length(answered_on) = 10),
  decline_reason    TEXT,
  -- (g)
  departure_mode    TEXT CHECK (departure_mode IS NULL OR departure_mode IN ('alone', 'escorted')),
  departed_on       TEXT CHECK (departed_on IS NULL OR length(departed_on) = 10),
  escort            TEXT,
  guardian          TEXT,
  allowance_dong    INTEGER CHECK (allowance_dong IS NULL OR allowance_dong >= 0),
  -- (h)
  result_on         TEXT CHECK (result_on IS NULL OR length(result_on) = 10),
  result_note       TEXT,
  completed_on      TEXT CHECK (completed_on IS NULL OR length(completed_on) = 10),
  handover_note     TEXT,
  withdrawn_at      TEXT,
  withdrawn_by      TEXT,
  withdraw_reason   TEXT,
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1,
  CHECK (direction = 'incoming' OR stay_id IS NOT NULL),
  CHECK (stay_id IS NOT NULL OR subject IS NOT NULL),
  CHECK (status = 'draft' OR status = 'withdrawn' OR sent_on IS NOT NULL),
  -- No consent, no sending, unless a manager recorded the legal ground.
  CHECK (direction = 'incoming' OR sent_on IS NULL OR consent_by IS NOT NULL
         OR legal_ground IS NOT NULL),
  CHECK (answered_on IS NULL OR (sent_on IS NOT NULL AND answered_on >= sent_on)),
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
  CHECK ((status = 'completed') = (completed_on IS NOT NULL))
);
CREATE INDEX referral_stay ON referral (stay_id, id);
CREATE INDEX referral_open ON referral (status) WHERE status IN ('sent', 'accepted');

-- The fields of the person the consent covers: the letter prints these and nothing else.
CREATE TABLE referral_shared_field (
  referral_id  INTEGER NOT NULL REFERENCES referral (id),
  field        TEXT NOT NULL
               CHECK (field IN ('name', 'birth_date', 'sex', 'id_number', 'phone', 'address',
                                'health_summary', 'case_summary')),
  PRIMARY KEY (referral_id, field)
) WITHOUT ROWID;
