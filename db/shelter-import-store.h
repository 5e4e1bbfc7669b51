/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* A person on record (not voided) whom a spreadsheet's row may be. */
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
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterImportKnownPerson, shelter_import_known_person_free)

/* The first recorded person with this ID number; NULL when none (no @error) or on failure. */
ShelterImportKnownPerson *shelter_import_store_find_by_id_number (ShelterDb   *db,
                                                                  const char  *id_number,
                                                                  GError     **error);
/* The first recorded person whose name folds to @folded_name (shelter_db_fold_text() of
 * "family middle given"), born in @birth_year, whose permanent residence or hometown is
 * in @province_code; NULL when none (no @error) or on failure. */
ShelterImportKnownPerson *shelter_import_store_find_by_name      (ShelterDb   *db,
                                                                  const char  *folded_name,
                                                                  int          birth_year,
                                                                  const char  *province_code,
                                                                  GError     **error);

G_END_DECLS
