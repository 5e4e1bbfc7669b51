/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* Diets, rates and clothing kits (schema 0006-meals.sql). Dates are YYYY-MM-DD; a day D is
 * compared with the local date of a time, its first ten characters (times carry +07:00). */

typedef struct
{
  gint64  id;
  gint64  stay_id;
  char   *kind;
  char   *note;
  char   *allergies;
  char   *valid_from;
  char   *created_at;
  char   *created_by;
} ShelterDietRow;

void       shelter_diet_row_free            (ShelterDietRow      *row);

gint64     shelter_diet_store_insert        (ShelterDb           *db,
                                             gint64               stay_id,
                                             const char          *kind,
                                             const char          *note,
                                             const char          *allergies,
                                             const char          *valid_from,
                                             const ShelterStamp  *stamp,
                                             GError             **error);
/* The diets recorded for a stay, the newest (latest valid_from, then latest recorded)
 * first. */
GPtrArray *shelter_diet_store_list          (ShelterDb           *db,
                                             gint64               stay_id,
                                             GError             **error);

typedef struct
{
  gint64    stay_id;
  gint64    person_id;
  char     *case_code;
  char     *family_name;
  char     *middle_name;
  char     *given_name;
  gboolean  high_protection;
  gboolean  away;        /* away the whole day: left before it began, not back by its end */
  char     *diet;        /* NULL: no diet recorded on or before the day (normal) */
  char     *note;
  char     *allergies;
} ShelterKitchenRow;

void       shelter_kitchen_row_free         (ShelterKitchenRow   *row);

/* Everyone whose stay covers some of @day (admitted on or before it, not discharged before
 * it; voided stays and people left out), in name order, with the diet in force that day
 * and whether they were away all day. */
GPtrArray *shelter_kitchen_store_day        (ShelterDb           *db,
                                             const char          *day,
                                             GError             **error);

typedef struct
{
  char *started_on;  /* local date the absence began */
  char *returned_on; /* local date of the return, NULL while away */
} ShelterAwaySpan;

/* The absences of a stay (voided ones left out), as local dates, oldest first. */
GArray    *shelter_meal_store_absences      (ShelterDb           *db,
                                             gint64               stay_id,
                                             GError             **error);
void       shelter_away_span_clear          (ShelterAwaySpan     *span);

typedef struct
{
  gint64  id;
  char   *kind;
  char   *province_code;
  gint64  amount_dong;
  char   *legal_basis;
  char   *valid_from;
  char   *valid_to;    /* last day, NULL while open-ended */
  char   *created_at;
  char   *created_by;
} ShelterRateRow;

void       shelter_rate_row_free            (ShelterRateRow      *row);

/* Every rate, by kind, province, then newest start first; or, with @kind and @province_code
 * non-NULL, those of that kind and province only. */
GPtrArray *shelter_rate_store_list          (ShelterDb           *db,
                                             const char          *kind,
                                             const char          *province_code,
                                             GError             **error);
gint64     shelter_rate_store_insert        (ShelterDb           *db,
                                             const char          *kind,
                                             const char          *province_code,
                                             gint64               amount_dong,
                                             const char          *legal_basis,
                                             const char          *valid_from,
                                             const char          *valid_to,
                                             const ShelterStamp  *stamp,
                                             GError             **error);
/* Ends a rate on @valid_to (its last day). */
gboolean   shelter_rate_store_close         (ShelterDb           *db,
                                             gint64               rate_id,
                                             const char          *valid_to,
                                             const ShelterStamp  *stamp,
                                             GError             **error);

typedef struct
{
  gint64   id;
  gint64   stay_id;
  char    *issued_on;
  char    *issued_by;
  char    *items;       /* item codes, comma-separated */
  gint64   rate_id;     /* 0 when no rate was in force */
  gint64   cost_dong;   /* -1 when no rate was in force */
  char    *created_at;
} ShelterClothingKitRow;

void       shelter_clothing_kit_row_free    (ShelterClothingKitRow *row);

gint64     shelter_clothing_kit_store_insert (ShelterDb           *db,
                                              gint64               stay_id,
                                              const char          *issued_on,
                                              const char          *issued_by,
                                              const char          *items,
                                              gint64               rate_id,
                                              gint64               cost_dong,
                                              const ShelterStamp  *stamp,
                                              GError             **error);
/* The kit of a stay, or NULL without error. */
ShelterClothingKitRow *shelter_clothing_kit_store_get (ShelterDb  *db,
                                                       gint64      stay_id,
                                                       GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterDietRow, shelter_diet_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterKitchenRow, shelter_kitchen_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterRateRow, shelter_rate_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterClothingKitRow, shelter_clothing_kit_row_free)

G_END_DECLS
