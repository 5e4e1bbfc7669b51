/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-application.h"
#include "shelter-db.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_WINDOW (shelter_window_get_type ())
G_DECLARE_FINAL_TYPE (ShelterWindow, shelter_window, SHELTER, WINDOW, AdwApplicationWindow)

ShelterWindow *shelter_window_new           (ShelterApplication *application);

/* Opens the database at @path and shows its residents; when that fails, shows why, with a
 * way to choose another file. SHELTER_DB_OPEN_CREATE only for the default database. */
void           shelter_window_open_database (ShelterWindow      *self,
                                             const char         *path,
                                             ShelterDbOpenFlags  flags);

G_END_DECLS
