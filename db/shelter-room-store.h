/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-room.h"

G_BEGIN_DECLS

gboolean     shelter_room_store_insert   (ShelterDb           *db,
                                          ShelterRoom         *room,
                                          const ShelterStamp  *stamp,
                                          GError             **error);
/* With beds-used filled from the open placements. */
ShelterRoom *shelter_room_store_get      (ShelterDb           *db,
                                          gint64               id,
                                          GError             **error);
/* Every room ordered by building and code, with beds-used filled. */
GPtrArray   *shelter_room_store_list     (ShelterDb           *db,
                                          GError             **error);

G_END_DECLS
