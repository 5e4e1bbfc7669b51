-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 10 (notices): which reminder each person was last told of on the desktop,
-- so that the same reminder is not sent to them twice unless what it says changed
-- (app/shelter-notices.c). The reminders themselves are computed, never stored; this keeps
-- only their key and fingerprint. username is the signed-in account (or "os:NAME" for an
-- operator), not a reference: a notice outlives nothing it names.

CREATE TABLE reminder_notice (
  username     TEXT NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
  key          TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 500),
  fingerprint  TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 1000),
  sent_at      TEXT NOT NULL CHECK (length(sent_at) >= 19),
  PRIMARY KEY (username, key)
) WITHOUT ROWID;
