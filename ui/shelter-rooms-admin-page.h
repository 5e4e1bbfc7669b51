/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_ROOMS_ADMIN_PAGE (shelter_rooms_admin_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRoomsAdminPage, shelter_rooms_admin_page,
                      SHELTER, ROOMS_ADMIN_PAGE, AdwBin)

/* The centre's rooms, by building then code, for those who manage rooms: add, edit, close
 * and reopen (never delete). Reads the rooms again each time it is shown. NULL empties the
 * page. */
void shelter_rooms_admin_page_set_session (ShelterRoomsAdminPage *self,
                                           ShelterSession        *session);
/* Reads the rooms again. */
void shelter_rooms_admin_page_reload      (ShelterRoomsAdminPage *self);

G_END_DECLS
