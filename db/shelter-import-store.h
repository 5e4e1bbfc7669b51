/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* What the import compares a spreadsheet's rows with: every person on record (not voided),
 * read once, so that ten thousand rows are matched without a query each. */
typedef struct
{
  gint64    id;
  char     *case_code;
  char     *family_name;          /* "" when unknown, as stored */
  char     *middle_name;
  char     *given_name;
  char     *birth_date;           /* "YYYY-MM-DD", "YYYY" or NULL */
  char     *home_province_code;
  char     *origin_province_code;
  char     *id_number;
  gboolean  high_protection;
  /* The newest stay (not voided): when it began and ended; NULL when none / still open. */
  char     *last_admitted_at;
  char     *last_discharged_at;
} ShelterImportKnownPerson;

void       shelter_import_known_person_free (ShelterImportKnownPerson *person);

/* Every person not voided, by id. */
GPtrArray *shelter_import_store_people      (ShelterDb   *db,
                                             GError     **error);

G_END_DECLS
