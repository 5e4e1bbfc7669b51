/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-stay.h"

G_BEGIN_DECLS

gboolean     shelter_stay_store_insert            (ShelterDb           *db,
                                                   ShelterStay         *stay,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);
/* The person's stay that has no discharge yet, or NULL without error. */
ShelterStay *shelter_stay_store_get_open          (ShelterDb           *db,
                                                   gint64               person_id,
                                                   GError             **error);
/* Closes a stay; STALE when @stay's version is not the stored one. */
gboolean     shelter_stay_store_discharge         (ShelterDb           *db,
                                                   ShelterStay         *stay,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);
/* Opens a placement of a stay in a room from @started_at; returns its id or 0. */
gint64       shelter_stay_store_place             (ShelterDb           *db,
                                                   gint64               stay_id,
                                                   gint64               room_id,
                                                   const char          *started_at,
                                                   const char          *reason,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);
/* Ends every open placement of the stay at @ended_at. */
gboolean     shelter_stay_store_end_placements    (ShelterDb           *db,
                                                   gint64               stay_id,
                                                   const char          *ended_at,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);
/* How many open placements the room has now. */
guint        shelter_stay_store_count_in_room     (ShelterDb           *db,
                                                   gint64               room_id,
                                                   GError             **error);
/* How many stays are open now. */
gint64       shelter_stay_store_count_open        (ShelterDb           *db,
                                                   GError             **error);

/* A stay by its id (voided ones are not found). */
ShelterStay *shelter_stay_store_get               (ShelterDb           *db,
                                                   gint64               stay_id,
                                                   GError             **error);
/* The person's newest stay, open or not, or NULL without error when there is none. */
ShelterStay *shelter_stay_store_get_latest        (ShelterDb           *db,
                                                   gint64               person_id,
                                                   GError             **error);

/* The person's stay that covers the moment @at (ISO 8601 with offset): admitted then or
 * before, and not yet discharged then. NULL without error when there is none. */
ShelterStay *shelter_stay_store_get_at            (ShelterDb           *db,
                                                   gint64               person_id,
                                                   const char          *at,
                                                   GError             **error);

G_END_DECLS
