/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The centre's own case list: the stays of a period (received, in care or discharged in
 * it) with who the person is. Names are read here; whether they may leave the program is
 * app/shelter-report-export.c's business. */

typedef struct
{
  gint64    stay_id;
  char     *case_code;
  char     *full_name;       /* family, middle, given */
  gboolean  high_protection;
  char     *sex;             /* code */
  char     *birth_date;      /* YYYY-MM-DD, YYYY or NULL */
  char     *person_type;     /* code */
  char     *home_province;   /* the province's name, or NULL */
  char     *admitted_on;     /* YYYY-MM-DD */
  char     *room;            /* the room's code at the end of the stay or period, or NULL */
  char     *discharged_on;   /* YYYY-MM-DD, or NULL while in care */
  char     *discharge_reason; /* code, or NULL */
} ShelterCaseListRow;

void       shelter_case_list_row_free        (ShelterCaseListRow *row);

/* The stays (not voided) begun before @next (exclusive) and not ended before @first, one
 * row each, by case code then reception. */
GPtrArray *shelter_case_list_store_list      (ShelterDb   *db,
                                              const char  *first,
                                              const char  *next,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterCaseListRow, shelter_case_list_row_free)

G_END_DECLS
