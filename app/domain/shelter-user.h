/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHELTER_TYPE_USER (shelter_user_get_type ())
G_DECLARE_FINAL_TYPE (ShelterUser, shelter_user, SHELTER, USER, GObject)

/* A staff account. role is one of "administrator", "manager", "caseworker", "medical",
 * "counsellor". Accounts are deactivated, never deleted: their names stay on the records. */
ShelterUser *shelter_user_new            (void);

gint64       shelter_user_get_id         (ShelterUser *self);
void         shelter_user_set_id         (ShelterUser *self, gint64 id);
const char  *shelter_user_get_username   (ShelterUser *self);
void         shelter_user_set_username   (ShelterUser *self, const char *username);
const char  *shelter_user_get_full_name  (ShelterUser *self);
void         shelter_user_set_full_name  (ShelterUser *self, const char *full_name);
const char  *shelter_user_get_role       (ShelterUser *self);
void         shelter_user_set_role       (ShelterUser *self, const char *role);
gboolean     shelter_user_get_active     (ShelterUser *self);
void         shelter_user_set_active     (ShelterUser *self, gboolean active);
gint64       shelter_user_get_version    (ShelterUser *self);
void         shelter_user_set_version    (ShelterUser *self, gint64 version);

G_END_DECLS
