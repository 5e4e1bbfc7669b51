/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHELTER_TYPE_CENTRE (shelter_centre_get_type ())
G_DECLARE_FINAL_TYPE (ShelterCentre, shelter_centre, SHELTER, CENTRE, GObject)

/* The centre's profile: one per database. */
ShelterCentre *shelter_centre_new                    (void);

const char    *shelter_centre_get_name               (ShelterCentre *self);
void           shelter_centre_set_name               (ShelterCentre *self, const char *name);
const char    *shelter_centre_get_province_scheme    (ShelterCentre *self);
void           shelter_centre_set_province_scheme    (ShelterCentre *self, const char *scheme);
const char    *shelter_centre_get_province_code      (ShelterCentre *self);
void           shelter_centre_set_province_code      (ShelterCentre *self, const char *code);
const char    *shelter_centre_get_address            (ShelterCentre *self);
void           shelter_centre_set_address            (ShelterCentre *self, const char *address);
const char    *shelter_centre_get_head_name          (ShelterCentre *self);
void           shelter_centre_set_head_name          (ShelterCentre *self, const char *head_name);
gint64         shelter_centre_get_version            (ShelterCentre *self);
void           shelter_centre_set_version            (ShelterCentre *self, gint64 version);

G_END_DECLS
