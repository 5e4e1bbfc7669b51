/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-resident-summary.h"

G_BEGIN_DECLS

/* What the Residents list is sorted by. */
typedef enum
{
  SHELTER_RESIDENT_ORDER_NAME,       /* Vietnamese order: given, middle, family name */
  SHELTER_RESIDENT_ORDER_CASE_CODE,
  SHELTER_RESIDENT_ORDER_SEX,
  SHELTER_RESIDENT_ORDER_AGE,        /* youngest first */
  SHELTER_RESIDENT_ORDER_ROOM,
  SHELTER_RESIDENT_ORDER_ADMITTED,   /* latest admission date */
} ShelterResidentOrder;

typedef enum
{
  SHELTER_RESIDENT_FILTER_ALL,
  SHELTER_RESIDENT_FILTER_IN_RESIDENCE,
} ShelterResidentFilter;

/* The ids of the people (not voided) in list order. Cheap enough for 100,000 rows: the
 * rows themselves are fetched only when shown. */
GArray                 *shelter_resident_list_store_ids  (ShelterDb             *db,
                                                          ShelterResidentFilter  filter,
                                                          ShelterResidentOrder   order,
                                                          gboolean               descending,
                                                          GError               **error);
/* The row of one person: their latest stay and the room of its current placement. */
ShelterResidentSummary *shelter_resident_list_store_get  (ShelterDb             *db,
                                                          gint64                 person_id,
                                                          GError               **error);

G_END_DECLS
