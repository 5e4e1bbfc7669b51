/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shelter-db.h"
#include "shelter-permissions.h"
#include "shelter-user.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_SESSION (shelter_session_get_type ())
G_DECLARE_FINAL_TYPE (ShelterSession, shelter_session, SHELTER, SESSION, GObject)

/* A database and who acts on it. A staff session acts with its user's role; an operator
 * session is shelterctl run by someone with access to the database file itself, recorded as
 * "os:NAME" and allowed everything the file allows. */
ShelterSession *shelter_session_new_for_user      (ShelterDb         *db,
                                                   ShelterUser       *user);
ShelterSession *shelter_session_new_for_operator  (ShelterDb         *db);

ShelterDb      *shelter_session_get_db            (ShelterSession    *self);
ShelterUser    *shelter_session_get_user          (ShelterSession    *self);
/* The name recorded in created_by/updated_by and the audit trail. */
const char     *shelter_session_get_actor         (ShelterSession    *self);
gboolean        shelter_session_may               (ShelterSession    *self,
                                                   ShelterPermission  permission);
/* Fails with SHELTER_APP_ERROR_PERMISSION_DENIED, naming what was refused. */
gboolean        shelter_session_check             (ShelterSession    *self,
                                                   ShelterPermission  permission,
                                                   GError           **error);

/* Now in Vietnam's time (UTC+7). Tests and the demo generator may fix the clock. */
GDateTime      *shelter_session_now               (ShelterSession    *self);
void            shelter_session_set_clock         (ShelterSession    *self,
                                                   GDateTime         *fixed_now);
/* What this session itself recorded of @kind ("police_report", "follow_up"...), so that
 * the alerts every desk polls from the shared file are not told twice on the desk that
 * recorded them (its own screen told already). Kept on the session, gone with it. */
void            shelter_session_mark_own          (ShelterSession    *self,
                                                   const char        *kind,
                                                   gint64             id);
gboolean        shelter_session_is_own            (ShelterSession    *self,
                                                   const char        *kind,
                                                   gint64             id);

/* "2026-11-22T09:30:00+07:00" */
char           *shelter_session_format_time       (GDateTime         *time);

G_END_DECLS
