/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-resident-summary.h"
#include "shelter-room.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Placement "suitably to their sex and age": the age groups rooms are for, moves between
 * rooms, and temporary absences that keep the bed. */

/* The bounds of the age groups child, youth, adult and elderly (in that order); the
 * elderly have no upper bound (-1). Defaults: under 16, 16-17, 18-59, 60 and over. */
typedef struct
{
  int min_age[4];
  int max_age[4];
} ShelterAgeBands;

/* The bands as the centre set them; on error, @bands holds the defaults. */
gboolean     shelter_age_bands_load   (ShelterDb              *db,
                                       ShelterAgeBands        *bands,
                                       GError                **error);
/* MANAGE_ROOMS, audited. The groups must follow each other from age 0 without gap or
 * overlap, the last one open-ended: refused otherwise, with the field named. */
gboolean     shelter_age_bands_save   (ShelterSession         *session,
                                       const ShelterAgeBands  *bands,
                                       GError                **error);
/* "child", "youth", "adult" or "elderly" for @age (years); NULL when it is unknown (-1). */
const char  *shelter_age_bands_group  (const ShelterAgeBands  *bands,
                                       int                     age);
/* What a room of @group is for, translated: "for under 16", "for 16-17", "for 60 and over". */
char        *shelter_age_bands_label  (const ShelterAgeBands  *bands,
                                       const char             *group);

/* The name of a room's age group with its bounds as now configured, translated: "Children
 * under 16", "Aged 16 to 17", "Adults 18 to 59", "Elderly, 60 and over", "All ages". */
char        *shelter_age_bands_title  (const ShelterAgeBands  *bands,
                                       const char             *group);

/* Why @room does not suit a person of @sex aged @age (years, -1 unknown), as a short
 * translated phrase ("male room", "for 16-17", "closed", "full"), or NULL when it suits.
 * A child who came with a parent and is under the setting "child_with_parent_age" (6 by
 * default) stays with the parent in a family room. @on is the day (YYYY-MM-DD). */
char        *shelter_placement_unsuitability (const ShelterAgeBands *bands,
                                              ShelterRoom           *room,
                                              const char            *sex,
                                              int                    age,
                                              gboolean               with_parent,
                                              int                    child_with_parent_age,
                                              const char            *on);

/* A room and why it does not suit someone (NULL when it does). */
typedef struct
{
  ShelterRoom *room;
  char        *reason;
} ShelterPlacementOption;

void       shelter_placement_option_free (ShelterPlacementOption *option);

/* Every room open on @on (YYYY-MM-DD; NULL today), each with the reason it does not suit a
 * person of @sex aged @age (-1 unknown) and of @person_type ("accompanying_minor" stays
 * with the parent while small), in the order of the rooms list. */
GPtrArray *shelter_placement_options     (ShelterSession         *session,
                                          const char             *sex,
                                          int                     age,
                                          const char             *person_type,
                                          const char             *on,
                                          GError                **error);

/* A room and its beds on a day. */
typedef struct
{
  ShelterRoom *room;
  guint        occupied;  /* residents placed in it, absent ones included */
  guint        absent;    /* away but keeping their bed */
  guint        free;      /* beds nobody holds */
} ShelterRoomOccupancy;

void       shelter_room_occupancy_free   (ShelterRoomOccupancy   *occupancy);

/* Every room open on @on (YYYY-MM-DD, NULL for now) with its beds at the end of that day,
 * or now for today; the numbers of `shelterctl rooms --date`. */
GPtrArray *shelter_rooms_occupancy_on    (ShelterSession         *session,
                                          const char             *on,
                                          GError                **error);

/* Someone in a room now: their list row (a protected identity masked for those who may
 * not know it), their stay, and whether they are away. */
typedef struct
{
  ShelterResidentSummary *summary;
  gint64                  stay_id;
  gboolean                absent;
} ShelterRoomResident;

void       shelter_room_resident_free    (ShelterRoomResident    *resident);

/* The residents of a room now, in name order (VIEW_RESIDENTS). */
GPtrArray *shelter_room_residents        (ShelterSession         *session,
                                          gint64                  room_id,
                                          GError                **error);

/* Moves a resident to another room at @moved_at (ISO 8601 with offset; NULL now), for
 * @reason, keeping the history (the old placement ends, a new one starts). A room that does
 * not suit them is refused unless @override_reason is given by a manager, which is then
 * kept on the placement and in the audit trail. A room filled meanwhile from another desk
 * is refused with SHELTER_APP_ERROR_ROOM_FULL, saying the bed was just taken. */
gboolean     shelter_move_resident    (ShelterSession         *session,
                                       gint64                  stay_id,
                                       gint64                  room_id,
                                       const char             *moved_at,
                                       const char             *reason,
                                       const char             *override_reason,
                                       GError                **error);

/* A temporary absence (hospital, court, home leave at Tết, other) that keeps the bed:
 * from @started_at (ISO 8601, NULL now) with the day it should end. Returns its id. */
gint64       shelter_absence_start    (ShelterSession         *session,
                                       gint64                  stay_id,
                                       const char             *kind,
                                       const char             *started_at,
                                       const char             *planned_return_on,
                                       const char             *note,
                                       GError                **error);
/* The resident is back at @returned_at (ISO 8601, NULL now). */
gboolean     shelter_absence_end      (ShelterSession         *session,
                                       gint64                  stay_id,
                                       const char             *returned_at,
                                       GError                **error);
/* A resident's current absence, as app/ judges it: overdue once the day they should be
 * back has passed. */
typedef struct
{
  char     *kind;               /* hospital, court, home_leave or other */
  char     *started_at;         /* ISO 8601 with offset */
  char     *planned_return_on;  /* YYYY-MM-DD */
  gboolean  overdue;
} ShelterAbsence;

void            shelter_absence_free     (ShelterAbsence         *absence);

/* The stay's open absence (VIEW_RESIDENTS), or NULL without error when the resident is at
 * the centre. */
ShelterAbsence *shelter_absence_get_open (ShelterSession         *session,
                                          gint64                  stay_id,
                                          GError                **error);
/* The stays whose absence is past its planned return today. */
GArray      *shelter_absences_overdue (ShelterSession         *session,
                                       GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterPlacementOption, shelter_placement_option_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterAbsence, shelter_absence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterRoomResident, shelter_room_resident_free)

G_END_DECLS
