/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-application.h"
#include "shelter-db.h"
#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_WINDOW (shelter_window_get_type ())
G_DECLARE_FINAL_TYPE (ShelterWindow, shelter_window, SHELTER, WINDOW, AdwApplicationWindow)

ShelterWindow  *shelter_window_new           (ShelterApplication *application);

/* Opens the database at @path: the set-up assistant on a new database, the sign-in screen
 * otherwise. When opening fails, shows why, with a way to choose another file. Whoever
 * was signed in on the previous database is signed out. SHELTER_DB_OPEN_CREATE only for
 * the default database. */
void            shelter_window_open_database (ShelterWindow      *self,
                                              const char         *path,
                                              ShelterDbOpenFlags  flags);

/* Who is signed in, or NULL; a locked window keeps its session. */
ShelterSession *shelter_window_get_session   (ShelterWindow      *self);
/* Whether the window is locked (the lock screen shown, the sections hidden). */
gboolean        shelter_window_get_locked    (ShelterWindow      *self);

G_END_DECLS
