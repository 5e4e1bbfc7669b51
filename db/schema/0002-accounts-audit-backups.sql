-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: sign-in throttling, a tamper-evident audit chain, the record of backups,
-- and the centre's settings.

-- Failed sign-ins by the user name typed, whether or not such an account exists, so that the
-- wait after too many failures says nothing about which names are real.
CREATE TABLE sign_in_throttle (
  username        TEXT PRIMARY KEY,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT
);

-- Each entry's hash covers its content and the previous entry's hash: an entry changed or
-- removed outside the program breaks the chain from there on (shelterctl check says where).
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_action ON audit_log (action, at);
CREATE INDEX audit_at ON audit_log (at);

-- Every backup made, by hand or automatically, and whether it worked.
CREATE TABLE backup_run (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  path        TEXT NOT NULL,
  encrypted   INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
  automatic   INTEGER NOT NULL CHECK (automatic IN (0, 1)),
  ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
  message     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX backup_run_at ON backup_run (at);

-- The centre's own settings: idle lock, backup folder, demo mode.
CREATE TABLE setting (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
);
