/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_ROOMS_PAGE (shelter_rooms_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRoomsPage, shelter_rooms_page, SHELTER, ROOMS_PAGE, AdwBin)

/* Shows the rooms of @session's database; NULL empties the page. */
void shelter_rooms_page_set_session (ShelterRoomsPage *self,
                                     ShelterSession   *session);
/* Reads the rooms and their beds in use again. */
void shelter_rooms_page_reload      (ShelterRoomsPage *self);

G_END_DECLS
