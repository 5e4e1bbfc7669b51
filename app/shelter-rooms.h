/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-room.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Use case: add a room (MANAGE_ROOMS, audited), open from today unless opened-on is set.
 * Validates code, name, building, use, age group, beds (1 to 200) and area, with the field
 * named. More beds than the area allows is saved: the form shows
 * shelter_rooms_area_warning() first and the user decides. */
gboolean   shelter_rooms_add         (ShelterSession  *session,
                                      ShelterRoom     *room,
                                      GError         **error);
/* Use case: saves code, building, name, use, age group, beds, area, 24-hour care and
 * accessible of @room as add validates them (MANAGE_ROOMS, audited with what changed).
 * SHELTER_DB_ERROR_STALE when someone saved the room after @room's version was read;
 * refuses fewer beds than residents placed in it now (SHELTER_FIELD_ROOM_BEDS). On success
 * @room carries the new version. */
gboolean   shelter_rooms_update      (ShelterSession  *session,
                                      ShelterRoom     *room,
                                      GError         **error);
/* Use case: the room is closed from @closed_on (YYYY-MM-DD, not after today nor before it
 * opened, nor before the last resident left it); it keeps its history and is offered no
 * more. Refused while anyone is placed in it. @version is the room's as read (STALE
 * otherwise). MANAGE_ROOMS, audited. */
gboolean   shelter_rooms_close       (ShelterSession  *session,
                                      gint64           room_id,
                                      const char      *closed_on,
                                      gint64           version,
                                      GError         **error);
/* Use case: a closed room is open again. MANAGE_ROOMS, audited. */
gboolean   shelter_rooms_reopen      (ShelterSession  *session,
                                      gint64           room_id,
                                      gint64           version,
                                      GError         **error);
/* NULL when @room's beds fit its floor area, else a translated sentence naming the limit:
 * "18 m² allows at most 3 residents at 6 m² each; this room has 4 beds." */
char      *shelter_rooms_area_warning (ShelterDb      *db,
                                       ShelterRoom    *room);
/* Every room with its beds used now. */
GPtrArray *shelter_rooms_list        (ShelterSession  *session,
                                      GError         **error);
/* The bedroom area a resident needs: the centre's settings, 6 m² (8 m² in 24-hour care
 * rooms) when unset. */
double     shelter_rooms_area_per_resident (ShelterDb *db,
                                            gboolean   care_24h);
/* The most residents @area_m2 allows at @m2_per_resident each. */
guint      shelter_rooms_max_beds    (double           area_m2,
                                      double           m2_per_resident);

G_END_DECLS
