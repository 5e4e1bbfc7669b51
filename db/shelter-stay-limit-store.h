/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The stay limits the centre records with their legal basis (table stay_limit). The days of
 * the limit in force on a day are read by shelter_stay_limit_store_days() in
 * shelter-placement-store.h. */

typedef struct
{
  gint64  id;
  char   *kind;         /* "emergency_protection" or "funded_meals" */
  int     days;
  char   *legal_basis;
  char   *valid_from;   /* YYYY-MM-DD */
  char   *valid_to;     /* YYYY-MM-DD, or NULL while open-ended */
} ShelterStayLimitRow;

void                 shelter_stay_limit_row_free          (ShelterStayLimitRow  *row);

/* Every limit, by kind, the newest (latest valid_from) first within each kind. */
GPtrArray           *shelter_stay_limit_store_list        (ShelterDb            *db,
                                                           GError              **error);
/* The limit of @kind that starts last (the one in force, or one recorded to start later);
 * *@row is NULL without error when there is none. */
gboolean             shelter_stay_limit_store_latest      (ShelterDb            *db,
                                                           const char           *kind,
                                                           ShelterStayLimitRow **row,
                                                           GError              **error);
/* Adds an open-ended limit; returns its id, or 0 with @error set. */
gint64               shelter_stay_limit_store_insert      (ShelterDb            *db,
                                                           const char           *kind,
                                                           int                   days,
                                                           const char           *legal_basis,
                                                           const char           *valid_from,
                                                           const ShelterStamp   *stamp,
                                                           GError              **error);
/* Ends the limit @id on @valid_to (YYYY-MM-DD, its last day). */
gboolean             shelter_stay_limit_store_close       (ShelterDb            *db,
                                                           gint64                id,
                                                           const char           *valid_to,
                                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterStayLimitRow, shelter_stay_limit_row_free)

G_END_DECLS
