/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-room.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Capacity planning for managers: beds by segment today, and a forecast of the weeks ahead.
 * Segments group rooms by whom they are for: girls and boys (rooms for children and 16-17
 * year olds), women and men (adults), the elderly, and families. */

#define SHELTER_CAPACITY_N_SEGMENTS 6
#define SHELTER_CAPACITY_MAX_WEEKS 52

/* The segments in display order: "girls", "boys", "women", "men", "elderly", "families". */
const char *shelter_capacity_segment_code  (guint        index);
const char *shelter_capacity_segment_label (guint        index);
/* The segment (index) of a room, from whom it is for. */
guint       shelter_capacity_room_segment  (ShelterRoom *room);
/* Room id -> segment, so that rows naming a room find its segment in one step: a
 * province's database has thousands of rooms. */
GHashTable *shelter_capacity_segments_by_room (GPtrArray  *rooms);
/* The segment of @room_id in @room_segments; FALSE for a room not in it. */
gboolean    shelter_capacity_find_segment  (GHashTable  *room_segments,
                                            gint64       room_id,
                                            guint       *segment);

typedef struct
{
  guint  beds;                 /* in rooms open today */
  guint  occupied;             /* residents placed now, absent ones included */
  guint  absent;
  guint  free;
  double arrivals_per_week;    /* received into the segment over the last 52 weeks / 52 */
  guint  stay_limit_days;      /* emergency protection limit in force today (0: none) */
  /* End of week k (today + 7k days), k = 1..weeks: residents still within their stay
   * limit, plus the expected arrivals not yet at theirs. Departures before the limit are
   * not foreseen (they are not planned), so the forecast errs on the full side. */
  double expected[SHELTER_CAPACITY_MAX_WEEKS];
  guint  departures[SHELTER_CAPACITY_MAX_WEEKS]; /* reaching the limit in week k */
} ShelterCapacitySegment;

typedef struct
{
  char                    today[11];  /* YYYY-MM-DD */
  guint                   weeks;
  ShelterCapacitySegment  segments[SHELTER_CAPACITY_N_SEGMENTS];
} ShelterCapacityForecast;

/* VIEW_ROOMS. @weeks from 1 to SHELTER_CAPACITY_MAX_WEEKS (12 on the planning screen). */
ShelterCapacityForecast *shelter_capacity_forecast      (ShelterSession           *session,
                                                         guint                     weeks,
                                                         GError                  **error);
/* TRUE when the segment's expected residents pass 90% of its beds in some week. */
gboolean                 shelter_capacity_segment_alert (const ShelterCapacityForecast *forecast,
                                                         guint                          index);

#define SHELTER_CAPACITY_MAX_MONTHS 24

/* Bed-nights of a segment in a month. */
typedef struct
{
  guint  occupied;   /* nights someone was placed in a room of the segment */
  guint  available;  /* for each night, the beds of the segment's rooms open that night */
  double rate;       /* occupied / available; NAN when no bed was available */
} ShelterOccupancyCell;

typedef struct
{
  char                  month[8];   /* YYYY-MM */
  char                  first[11];  /* the first night counted, YYYY-MM-DD */
  char                  last[11];   /* the last night counted: the month's end, or yesterday */
  guint                 nights;     /* nights counted (0 for the current month on its 1st) */
  ShelterOccupancyCell  segments[SHELTER_CAPACITY_N_SEGMENTS];
} ShelterOccupancyMonth;

typedef struct
{
  char                   today[11];  /* YYYY-MM-DD */
  guint                  months;
  ShelterOccupancyMonth  month[SHELTER_CAPACITY_MAX_MONTHS];  /* oldest first */
} ShelterOccupancyHistory;

/* VIEW_ROOMS. Occupancy of the last @months calendar months (1 to
 * SHELTER_CAPACITY_MAX_MONTHS; 12 on the planning screen), oldest first, ending with the
 * current month, which is counted up to yesterday's night only (tonight is not over).
 * Available bed-nights: for each night, the beds of the rooms open that night (opened on
 * that day or before, and not closed on or before it). Occupied bed-nights: one for each
 * person placed at the end of the day (local time) in a room of the segment; someone
 * away (hospital, court, home leave) keeps their bed and counts, someone moved counts in
 * the room they moved to, a stay that begins and ends on one day counts no night.
 * Rooms belong to segments by the same rule as the forecast. Free with g_free(). */
ShelterOccupancyHistory *shelter_capacity_occupancy_history (ShelterSession  *session,
                                                             guint            months,
                                                             GError         **error);

/* Someone whose placement needs a look: their stay passed two months and nears its limit
 * ("limit_near"), passed the limit without a manager's decision ("limit_passed"), or they
 * have grown out of their room's age group ("age_group", a birthday: time to move). */
typedef struct
{
  gint64  stay_id;
  gint64  person_id;
  char   *kind;
  char   *limit_on;   /* YYYY-MM-DD: the day the limit is reached, for the limit flags */
} ShelterPlacementFlag;

void       shelter_placement_flag_free (ShelterPlacementFlag *flag);

/* VIEW_RESIDENTS. The stays of those staying now that carry a flag. */
GPtrArray *shelter_placement_flags     (ShelterSession        *session,
                                        GError               **error);
/* The same for one stay: what a resident's page shows. */
GPtrArray *shelter_placement_flags_for_stay (ShelterSession   *session,
                                             gint64            stay_id,
                                             GError          **error);

/* A manager's recorded decision to keep someone past the stay limit, until @until
 * (YYYY-MM-DD, after today); audited. */
gboolean   shelter_stay_extend         (ShelterSession        *session,
                                        gint64                 stay_id,
                                        const char            *until,
                                        const char            *decision,
                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterPlacementFlag, shelter_placement_flag_free)

G_END_DECLS
