/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-room.h"

G_BEGIN_DECLS

gboolean     shelter_room_store_insert   (ShelterDb           *db,
                                          ShelterRoom         *room,
                                          const ShelterStamp  *stamp,
                                          GError             **error);
/* Saves everything but id, opened-on and closed-on where the stored version is @room's, and
 * bumps the version (@room's too); STALE when someone else saved it first. */
gboolean     shelter_room_store_update   (ShelterDb           *db,
                                          ShelterRoom         *room,
                                          const ShelterStamp  *stamp,
                                          GError             **error);
/* Sets closed-on (NULL reopens) where the stored version is @version, and bumps it;
 * STALE when someone else saved the room first. */
gboolean     shelter_room_store_set_closed (ShelterDb          *db,
                                            gint64              id,
                                            gint64              version,
                                            const char         *closed_on,
                                            const ShelterStamp *stamp,
                                            GError            **error);
/* The latest day (YYYY-MM-DD) someone left the room, among placements not voided; NULL when
 * nobody ever did. */
char        *shelter_room_store_last_left_on (ShelterDb        *db,
                                              gint64            id,
                                              GError          **error);
/* With beds-used filled from the open placements. */
ShelterRoom *shelter_room_store_get      (ShelterDb           *db,
                                          gint64               id,
                                          GError             **error);
/* Every room ordered by building and code, with beds-used filled. */
GPtrArray   *shelter_room_store_list     (ShelterDb           *db,
                                          GError             **error);

G_END_DECLS
