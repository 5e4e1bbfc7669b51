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

GPtrArray *
shelter_import_store_people (ShelterDb  *db,
                             GError    **error)
{
  g_autoptr (GPtrArray) people =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_import_known_person_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT p.id, p.case_code, p.family_name, p.middle_name, "
                              "p.given_name, p.birth_date, p.home_province_code, "
                              "p.origin_province_code, p.id_number, p.high_protection, "
                              "s.admitted_at, s.discharged_at "
                              "FROM person p LEFT JOIN stay s ON s.id = "
                              " (SELECT id FROM stay WHERE person_id = p.id AND voided_at IS NULL "
                              "  ORDER BY admitted_at DESC LIMIT 1) "
                              "WHERE p.voided_at IS NULL ORDER BY p.id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterImportKnownPerson *person = g_new0 (ShelterImportKnownPerson, 1);

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
      g_ptr_array_add (people, person);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&people);
}
