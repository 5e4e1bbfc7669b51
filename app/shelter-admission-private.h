/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-admission.h"
#include "shelter-db.h"

G_BEGIN_DECLS

/* Called by _shelter_admit_with() inside the admission's transaction, after the person,
 * the stay and the placement are written and before the audit entry: writes what else the
 * admission brings (the intake) and appends its lines to @details. @age is the person's
 * age on the day of admission (-1 unknown). */
typedef gboolean (*ShelterAdmitExtra) (ShelterSession      *session,
                                       ShelterPerson       *person,
                                       ShelterStay         *stay,
                                       int                  age,
                                       const ShelterStamp  *stamp,
                                       GString             *details,
                                       gpointer             user_data,
                                       GError             **error);

/* @override_reason: a manager's written reason to place the person in a room that does not
 * suit them (checked by the caller), or NULL. */
ShelterStay *_shelter_admit_with (ShelterSession    *session,
                                  ShelterPerson     *person,
                                  gint64             room_id,
                                  const char        *admitted_at,
                                  const char        *override_reason,
                                  ShelterAdmitExtra  extra,
                                  gpointer           extra_data,
                                  GError           **error);

/* The person and a new stay from @admitted_at (ISO 8601 with offset), written as
 * shelter_admit_person() writes them (the same validation, case code, sort key and search
 * index; an existing person, whose id is set, gets only the new stay) but with no room, no
 * permission check, no transaction and no audit entry of its own: for the import, which
 * checks its own permission, runs every row inside one transaction it rolls back on any
 * failure, and records one entry for the whole file. */
ShelterStay *_shelter_admit_unplaced (ShelterSession      *session,
                                      ShelterPerson       *person,
                                      const char          *admitted_at,
                                      const ShelterStamp  *stamp,
                                      GError             **error);

/* A phone number as the intake stores it (a 10-digit mobile or an 11-digit landline, +84 as
 * 0, old 11-digit mobiles converted), or NULL when @phone is not one. */
char        *_shelter_phone_normalize (const char *phone);

G_END_DECLS
