/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHELTER_TYPE_ROOM (shelter_room_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRoom, shelter_room, SHELTER, ROOM, GObject)

/* A room for one sex ("female", "male" or "family") and one age group ("child", "youth",
 * "adult", "elderly" or "any"). beds-used is filled by the store when rooms are listed. */
ShelterRoom *shelter_room_new                (void);

gint64       shelter_room_get_id             (ShelterRoom *self);
void         shelter_room_set_id             (ShelterRoom *self, gint64 id);
const char  *shelter_room_get_code           (ShelterRoom *self);
void         shelter_room_set_code           (ShelterRoom *self, const char *code);
const char  *shelter_room_get_building       (ShelterRoom *self);
void         shelter_room_set_building       (ShelterRoom *self, const char *building);
const char  *shelter_room_get_name           (ShelterRoom *self);
void         shelter_room_set_name           (ShelterRoom *self, const char *name);
const char  *shelter_room_get_sex_use        (ShelterRoom *self);
void         shelter_room_set_sex_use        (ShelterRoom *self, const char *sex_use);
const char  *shelter_room_get_age_group      (ShelterRoom *self);
void         shelter_room_set_age_group      (ShelterRoom *self, const char *age_group);
guint        shelter_room_get_beds           (ShelterRoom *self);
void         shelter_room_set_beds           (ShelterRoom *self, guint beds);
guint        shelter_room_get_beds_used      (ShelterRoom *self);
void         shelter_room_set_beds_used      (ShelterRoom *self, guint beds_used);
double       shelter_room_get_area_m2        (ShelterRoom *self);
void         shelter_room_set_area_m2        (ShelterRoom *self, double area_m2);
gboolean     shelter_room_get_care_24h       (ShelterRoom *self);
void         shelter_room_set_care_24h       (ShelterRoom *self, gboolean care_24h);
gboolean     shelter_room_get_accessible     (ShelterRoom *self);
void         shelter_room_set_accessible     (ShelterRoom *self, gboolean accessible);
const char  *shelter_room_get_opened_on      (ShelterRoom *self);
void         shelter_room_set_opened_on      (ShelterRoom *self, const char *opened_on);
const char  *shelter_room_get_closed_on      (ShelterRoom *self);
void         shelter_room_set_closed_on      (ShelterRoom *self, const char *closed_on);
gint64       shelter_room_get_version        (ShelterRoom *self);
void         shelter_room_set_version        (ShelterRoom *self, gint64 version);

/* Free beds: beds minus beds-used, never below zero. */
guint        shelter_room_get_beds_free      (ShelterRoom *self);

G_END_DECLS
