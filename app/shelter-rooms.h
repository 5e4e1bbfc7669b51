/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-room.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Use case: add a room. Validates code, name, use, age group, beds and area, and refuses
 * more beds than the area allows (6 m² a resident, 8 m² in 24-hour care rooms). */
gboolean   shelter_rooms_add         (ShelterSession  *session,
                                      ShelterRoom     *room,
                                      GError         **error);
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
