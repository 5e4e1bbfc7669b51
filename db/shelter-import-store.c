/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-import-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-import-store.h"

void
shelter_import_known_person_free (ShelterImportKnownPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->case_code);
  g_free (person->family_name);
  g_free (person->middle_name);
  g_free (person->given_name);
  g_free (person->birth_date);
  g_free (person->home_province_code);
  g_free (person->origin_province_code);
  g_free (person->id_number);
  g_free (person->last_admitted_at);
  g_free (person->last_discharged_at);
  g_free (person);
}

/* A person not voided, with the newest stay's dates; @where narrows it to one at most. */
#define KNOWN_PERSON_SELECT \
  "SELECT p.id, p.case_code, p.family_name, p.middle_name, p.given_name, p.birth_date, " \
  "p.home_province_code, p.origin_province_code, p.id_number, p.high_protection, " \
  "s.admitted_at, s.discharged_at " \
  "FROM person p LEFT JOIN stay s ON s.id = " \
  " (SELECT id FROM stay WHERE person_id = p.id AND voided_at IS NULL " \
  "  ORDER BY admitted_at DESC LIMIT 1) " \
  "WHERE p.voided_at IS NULL AND "

/* Steps @stmt (released here) once: the person of its row, or NULL when there is none (and
 * no @error) or when reading failed. */
static ShelterImportKnownPerson *
read_known_person (ShelterDb     *db,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  ShelterImportKnownPerson *person = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      person = g_new0 (ShelterImportKnownPerson, 1);
      person->id = sqlite3_column_int64 (stmt, 0);
      person->case_code = g_strdup (_shelter_db_column_text (stmt, 1));
      person->family_name = g_strdup (_shelter_db_column_text (stmt, 2) ?: "");
      person->middle_name = g_strdup (_shelter_db_column_text (stmt, 3) ?: "");
      person->given_name = g_strdup (_shelter_db_column_text (stmt, 4) ?: "");
      person->birth_date = g_strdup (_shelter_db_column_text (stmt, 5));
      person->home_province_code = g_strdup (_shelter_db_column_text (stmt, 6));
      person->origin_province_code = g_strdup (_shelter_db_column_text (stmt, 7));
      person->id_number = g_strdup (_shelter_db_column_text (stmt, 8));
      person->high_protection = sqlite3_column_int (stmt, 9) != 0;
      person->last_admitted_at = g_strdup (_shelter_db_column_text (stmt, 10));
      person->last_discharged_at = g_strdup (_shelter_db_column_text (stmt, 11));
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return person;
}

ShelterImportKnownPerson *
shelter_import_store_find_by_id_number (ShelterDb   *db,
                                        const char  *id_number,
                                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (id_number != NULL, NULL);

  stmt = _shelter_db_prepare (db, KNOWN_PERSON_SELECT "p.id_number = ?1 ORDER BY p.id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id_number, -1, SQLITE_TRANSIENT);
  return read_known_person (db, stmt, error);
}

ShelterImportKnownPerson *
shelter_import_store_find_by_name (ShelterDb   *db,
                                   const char  *folded_name,
                                   int          birth_year,
                                   const char  *province_code,
                                   GError     **error)
{
  g_autofree char *year_start = g_strdup_printf ("%04d", birth_year);
  g_autofree char *next_year_start = g_strdup_printf ("%04d", birth_year + 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (folded_name != NULL && province_code != NULL, NULL);

  /* Birth dates are "YYYY-MM-DD" or "YYYY": the year's are from "YYYY" up to the next. */
  stmt = _shelter_db_prepare (db,
                              KNOWN_PERSON_SELECT
                              "p.folded_name = ?1 AND p.birth_date >= ?2 AND p.birth_date < ?3 "
                              "AND (p.home_province_code = ?4 OR p.origin_province_code = ?4) "
                              "ORDER BY p.id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, folded_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, year_start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, next_year_start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, province_code, -1, SQLITE_TRANSIENT);
  return read_known_person (db, stmt, error);
}
