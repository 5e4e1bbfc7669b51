/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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

/* A manager's recorded decision to keep someone past the stay limit, until @until
 * (YYYY-MM-DD, after today); audited. */
gboolean   shelter_stay_extend         (ShelterSession        *session,
                                        gint64                 stay_id,
                                        const char            *until,
                                        const char            *decision,
                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterPlacementFlag, shelter_placement_flag_free)

G_END_DECLS
