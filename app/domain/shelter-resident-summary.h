/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHELTER_TYPE_RESIDENT_SUMMARY (shelter_resident_summary_get_type ())
G_DECLARE_FINAL_TYPE (ShelterResidentSummary, shelter_resident_summary,
                      SHELTER, RESIDENT_SUMMARY, GObject)

/* One row of the Residents list: a person with their latest stay and current room.
 * Read-only once built by the store; the properties exist for list bindings. */
ShelterResidentSummary *shelter_resident_summary_new (gint64      person_id,
                                                      const char *case_code,
                                                      const char *full_name,
                                                      const char *sex,
                                                      const char *birth_date,
                                                      const char *birth_precision,
                                                      const char *person_type,
                                                      const char *room_code,
                                                      const char *admitted_at,
                                                      const char *discharged_at,
                                                      gboolean    high_protection);

gint64       shelter_resident_summary_get_person_id        (ShelterResidentSummary *self);
const char  *shelter_resident_summary_get_case_code        (ShelterResidentSummary *self);
const char  *shelter_resident_summary_get_full_name        (ShelterResidentSummary *self);
const char  *shelter_resident_summary_get_sex              (ShelterResidentSummary *self);
const char  *shelter_resident_summary_get_birth_date       (ShelterResidentSummary *self);
const char  *shelter_resident_summary_get_birth_precision  (ShelterResidentSummary *self);
/* A code of shelter_enum_person_type; kept when the identity is masked. */
const char  *shelter_resident_summary_get_person_type      (ShelterResidentSummary *self);
const char  *shelter_resident_summary_get_room_code        (ShelterResidentSummary *self);
const char  *shelter_resident_summary_get_admitted_at      (ShelterResidentSummary *self);
const char  *shelter_resident_summary_get_discharged_at    (ShelterResidentSummary *self);
gboolean     shelter_resident_summary_get_high_protection  (ShelterResidentSummary *self);

G_END_DECLS
