/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* What happens at the door on one day, for the Today section: the stays admitted and
 * discharged that day, and the absences planned to end that day. Who may read what is
 * app/shelter-today.c's business: these functions return everything asked for. */

typedef enum
{
  SHELTER_TODAY_STORE_ARRIVAL,
  SHELTER_TODAY_STORE_DEPARTURE,
  SHELTER_TODAY_STORE_RETURN,
} ShelterTodayStoreKind;

typedef struct
{
  ShelterTodayStoreKind kind;
  gint64    stay_id;
  gint64    person_id;
  char     *case_code;
  char     *full_name;
  gboolean  high_protection;
  char     *at;      /* admitted_at, discharged_at, or the absence's planned_return_on */
  char     *room;    /* the room placed in now (arrival, return) or last (departure), or NULL */
  char     *detail;  /* the discharge reason or the absence kind (codes), or NULL */
} ShelterTodayStoreRow;

void       shelter_today_store_row_free  (ShelterTodayStoreRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterTodayStoreRow, shelter_today_store_row_free)

/* On @on (YYYY-MM-DD, the centre's local day): stays not voided admitted that day, then
 * those discharged that day, then the open absences of open stays planned to end that
 * day, each by time (returns by case code). */
GPtrArray *shelter_today_store_movements (ShelterDb   *db,
                                          const char  *on,
                                          GError     **error);

G_END_DECLS
