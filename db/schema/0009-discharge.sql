-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 9 (discharge): how a stay ended (kết thúc trợ giúp, domain.md section 10).
-- The stay row keeps the date and the reason as before; this row keeps where the person
-- went, to whom they were handed, the checklist as it stood when the stay was closed, a
-- manager's override of unfinished items, and for a death the cause and who was informed.
-- One row per ended stay, written in the transaction that ends it; never changed. The
-- CHECKs repeat the rules of app/shelter-discharge.c as a second line of defence.

CREATE TABLE discharge (
  stay_id                 INTEGER PRIMARY KEY REFERENCES stay (id),
  reason                  TEXT NOT NULL
                          CHECK (reason IN ('goals_reached', 'community_reintegration',
                                            'transfer', 'long_term_protection', 'repatriation',
                                            'adoption', 'own_request', 'no_contact', 'death',
                                            'other')),
  discharged_on           TEXT NOT NULL CHECK (length(discharged_on) = 10),
  -- Where the person went: an address in today's scheme (home, community, adoptive
  -- family), a facility (a partner of the directory, or by name), or a country.
  address_scheme          TEXT CHECK (address_scheme IS NULL OR
                                      address_scheme IN ('vn-2025-07', 'vn-63')),
  province_code           TEXT CHECK (province_code IS NULL OR length(province_code) = 2),
  commune_code            TEXT CHECK (commune_code IS NULL OR length(commune_code) = 5),
  address_detail          TEXT CHECK (address_detail IS NULL OR
                                      length(address_detail) BETWEEN 1 AND 200),
  facility_partner_id     INTEGER REFERENCES partner (id),
  facility_name           TEXT CHECK (facility_name IS NULL OR
                                      length(facility_name) BETWEEN 1 AND 200),
  country_code            TEXT CHECK (country_code IS NULL OR length(country_code) = 2),
  -- Who received the person: a recorded relative, or someone named (a facility's officer).
  received_by_relative_id INTEGER REFERENCES family_relative (id),
  received_by_name        TEXT CHECK (received_by_name IS NULL OR
                                      length(received_by_name) BETWEEN 1 AND 200),
  family_not_needed       TEXT CHECK (family_not_needed IS NULL OR
                                      length(family_not_needed) BETWEEN 1 AND 1000),
  commune_informed_on     TEXT CHECK (commune_informed_on IS NULL OR
                                      length(commune_informed_on) = 10),
  commune_informed_whom   TEXT CHECK (commune_informed_whom IS NULL OR
                                      length(commune_informed_whom) BETWEEN 1 AND 200),
  police_informed_on      TEXT CHECK (police_informed_on IS NULL OR
                                      length(police_informed_on) = 10),
  police_informed_whom    TEXT CHECK (police_informed_whom IS NULL OR
                                      length(police_informed_whom) BETWEEN 1 AND 200),
  -- The travel home, recorded as a service of kind 'travel' (fare and travel-day meals).
  travel_service_id       INTEGER REFERENCES service (id),
  travel_not_needed       TEXT CHECK (travel_not_needed IS NULL OR
                                      length(travel_not_needed) BETWEEN 1 AND 1000),
  reintegration_plan      TEXT CHECK (reintegration_plan IS NULL OR
                                      length(reintegration_plan) BETWEEN 1 AND 4000),
  -- The checklist when the stay closed: one "item=state" line each (done, open,
  -- not_needed, not_applicable), so that the record shows what was overridden.
  checklist               TEXT NOT NULL,
  override_reason         TEXT CHECK (override_reason IS NULL OR
                                      length(override_reason) BETWEEN 1 AND 1000),
  override_by             TEXT,
  death_cause             TEXT CHECK (death_cause IS NULL OR length(death_cause) BETWEEN 1 AND 500),
  death_informed          TEXT CHECK (death_informed IS NULL OR
                                      length(death_informed) BETWEEN 1 AND 1000),
  created_at              TEXT NOT NULL,
  created_by              TEXT NOT NULL,
  CHECK ((override_reason IS NULL) = (override_by IS NULL)),
  CHECK (reason <> 'death' OR death_informed IS NOT NULL),
  CHECK (reason = 'death' OR (death_cause IS NULL AND death_informed IS NULL)),
  CHECK ((address_scheme IS NULL) = (province_code IS NULL)),
  CHECK (commune_code IS NULL OR province_code IS NOT NULL)
);
-- The discharges by day, for the reports and the Follow-up section.
CREATE INDEX discharge_day ON discharge (discharged_on);

-- The belongings listed at intake, as they were given back (or why not: kept by the police
-- as evidence, lost...).
CREATE TABLE discharge_belonging (
  stay_id      INTEGER NOT NULL REFERENCES discharge (stay_id),
  position     INTEGER NOT NULL CHECK (position >= 1),
  returned     INTEGER NOT NULL CHECK (returned IN (0, 1)),
  note         TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 200),
  PRIMARY KEY (stay_id, position),
  FOREIGN KEY (stay_id, position) REFERENCES intake_belonging (stay_id, position),
  CHECK (returned = 1 OR note IS NOT NULL)
) WITHOUT ROWID;
