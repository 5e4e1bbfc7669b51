/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The bounds of the four age groups rooms are for, in the order child, youth, adult,
 * elderly; @max_age is -1 for no upper bound. */
gboolean shelter_age_band_store_get     (ShelterDb           *db,
                                         int                  min_age[4],
                                         int                  max_age[4],
                                         GError             **error);
gboolean shelter_age_band_store_set     (ShelterDb           *db,
                                         const int            min_age[4],
                                         const int            max_age[4],
                                         const ShelterStamp  *stamp,
                                         GError             **error);

/* The room a stay is placed in now (its open placement), or 0 without error. */
gint64   shelter_placement_store_current_room (ShelterDb     *db,
                                               gint64         stay_id,
                                               char         **started_at,
                                               GError       **error);
/* Writes the reason a manager placed someone in a room that does not suit them. */
gboolean shelter_placement_store_set_override (ShelterDb           *db,
                                               gint64               placement_id,
                                               const char          *reason,
                                               const ShelterStamp  *stamp,
                                               GError             **error);

gint64   shelter_absence_store_insert   (ShelterDb           *db,
                                         gint64               stay_id,
                                         const char          *kind,
                                         const char          *started_at,
                                         const char          *planned_return_on,
                                         const char          *note,
                                         const ShelterStamp  *stamp,
                                         GError             **error);
/* The open absence of a stay (id, or 0 without error), with its kind and start. */
gint64   shelter_absence_store_get_open (ShelterDb           *db,
                                         gint64               stay_id,
                                         char               **kind,
                                         char               **started_at,
                                         char               **planned_return_on,
                                         GError             **error);
/* Ends an open absence; FALSE without error when it was no longer open. */
gboolean shelter_absence_store_end      (ShelterDb           *db,
                                         gint64               absence_id,
                                         const char          *returned_at,
                                         const ShelterStamp  *stamp,
                                         GError             **error);
/* Stays whose absence is past its planned return on @today: their ids. */
GArray  *shelter_absence_store_overdue  (ShelterDb           *db,
                                         const char          *today,
                                         GError             **error);

typedef struct
{
  gint64 room_id;
  guint  occupied;  /* residents placed in the room at the time */
  guint  absent;    /* of whom away (hospital, court, home leave) */
} ShelterRoomOccupancyRow;

/* The rooms that had anyone placed in them at @at (ISO 8601 with offset). */
GArray  *shelter_placement_store_occupancy_at (ShelterDb      *db,
                                               const char     *at,
                                               GError        **error);

typedef struct
{
  gint64 stay_id;
  gint64 room_id;
  gint64 person_id;
  char   admitted_on[11];  /* YYYY-MM-DD */
  char   birth_date[11];   /* YYYY-MM-DD, YYYY, or empty when unknown */
  char   extended_to[11];  /* the latest manager's extension (YYYY-MM-DD), or empty */
} ShelterCapacityStayRow;

/* The stays placed in a room at @at, with the room and the day of admission. */
GArray  *shelter_capacity_store_stays_at      (ShelterDb      *db,
                                               const char     *at,
                                               GError        **error);
/* Only @stay_id's row of shelter_capacity_store_stays_at(), if it is placed at @at. */
GArray  *shelter_capacity_store_stay_at       (ShelterDb      *db,
                                               const char     *at,
                                               gint64          stay_id,
                                               GError        **error);
/* For each stay admitted from @from (inclusive) to @to (exclusive), the room it began in. */
GArray  *shelter_capacity_store_arrivals      (ShelterDb      *db,
                                               const char     *from,
                                               const char     *to,
                                               GError        **error);
typedef struct
{
  guint  period;   /* index into the periods asked for */
  gint64 room_id;
  gint64 nights;   /* bed-nights used: one a night for each person placed there */
} ShelterRoomNightsRow;

/* For each of @n_periods back-to-back periods, period k running from @bounds[k]
 * (YYYY-MM-DD, inclusive) to @bounds[k + 1] (exclusive), and each room used in it, the
 * nights someone spent placed in the room. A person counts for the night of day D in the
 * room they are placed in at the end of D (local time): placed on D or before, and neither
 * moved out nor discharged before D + 1. So a move counts the night in the new room, a stay
 * that begins and ends on one day counts none, and an absence keeps the bed (it counts).
 * Voided placements and stays do not count. One pass over the placements. */
GArray  *shelter_placement_store_room_nights  (ShelterDb          *db,
                                               const char *const  *bounds,
                                               guint               n_periods,
                                               GError            **error);

/* The days of the stay limit of @kind in force on @on (0 when none; -1 on error). */
int      shelter_stay_limit_store_days        (ShelterDb      *db,
                                               const char     *kind,
                                               const char     *on,
                                               GError        **error);

typedef struct
{
  gint64   stay_id;
  gint64   person_id;
  gboolean absent;
} ShelterRoomResidentRow;

/* Who is placed in a room at @at, in name order, and whether each is away. */
GArray  *shelter_placement_store_room_residents (ShelterDb     *db,
                                                 gint64         room_id,
                                                 const char    *at,
                                                 GError       **error);

gboolean shelter_stay_extension_store_insert (ShelterDb           *db,
                                              gint64               stay_id,
                                              const char          *extended_to,
                                              const char          *decision,
                                              const ShelterStamp  *stamp,
                                              GError             **error);

G_END_DECLS
