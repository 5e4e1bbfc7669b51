/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-session.h"

G_BEGIN_DECLS

/* Who comes and goes on one day, for the Today section. */

typedef enum
{
  SHELTER_TODAY_ARRIVAL,    /* a stay admitted that day */
  SHELTER_TODAY_DEPARTURE,  /* a stay discharged that day */
  SHELTER_TODAY_RETURN,     /* an absence planned to end that day, not yet ended */
} ShelterTodayKind;

typedef struct
{
  ShelterTodayKind  kind;
  gint64            stay_id;
  gint64            person_id;
  char             *case_code;
  char             *resident_name;  /* NULL: under high protection, withheld from this session */
  char             *at;             /* arrival and departure: the time stamp; return: the day */
  char             *room;           /* room code, NULL when none or withheld */
  char             *detail;         /* departure: the discharge reason code; return: the
                                     * absence kind code; NULL otherwise or when withheld */
} ShelterTodayMovement;

void       shelter_today_movement_free (ShelterTodayMovement *movement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterTodayMovement, shelter_today_movement_free)

/* VIEW_RESIDENTS. The arrivals, then the departures, then the planned returns of @on
 * (YYYY-MM-DD; NULL: today by the session's clock), each in time order. The name, room and
 * detail of a resident under high protection are left out for those who may not know who
 * they are (the case code stays). */
GPtrArray *shelter_today_movements     (ShelterSession  *session,
                                        const char      *on,
                                        GError         **error);

G_END_DECLS
