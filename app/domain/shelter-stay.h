/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHELTER_TYPE_STAY (shelter_stay_get_type ())
G_DECLARE_FINAL_TYPE (ShelterStay, shelter_stay, SHELTER, STAY, GObject)

/* One stay of a person at the centre, from admission to discharge. A person who comes back
 * gets a new stay. Times are ISO 8601 with offset ("2026-11-22T09:30:00+07:00"). */
ShelterStay *shelter_stay_new                   (void);

gint64       shelter_stay_get_id                (ShelterStay *self);
void         shelter_stay_set_id                (ShelterStay *self, gint64 id);
gint64       shelter_stay_get_person_id         (ShelterStay *self);
void         shelter_stay_set_person_id         (ShelterStay *self, gint64 person_id);
const char  *shelter_stay_get_admitted_at       (ShelterStay *self);
void         shelter_stay_set_admitted_at       (ShelterStay *self, const char *admitted_at);
const char  *shelter_stay_get_discharged_at     (ShelterStay *self);
void         shelter_stay_set_discharged_at     (ShelterStay *self, const char *discharged_at);
const char  *shelter_stay_get_discharge_reason  (ShelterStay *self);
void         shelter_stay_set_discharge_reason  (ShelterStay *self, const char *reason);
gint64       shelter_stay_get_version           (ShelterStay *self);
void         shelter_stay_set_version           (ShelterStay *self, gint64 version);

G_END_DECLS
