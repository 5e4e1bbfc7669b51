/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-reference-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-reference-store.h"

void
shelter_reference_entry_free (ShelterReferenceEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->scheme);
  g_free (entry->code);
  g_free (entry->name);
  g_free (entry->full_name);
  g_free (entry->parent_code);
  g_free (entry);
}

/* Every query below selects scheme, code, name, full_name, parent_code in that order. */
static ShelterReferenceEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  ShelterReferenceEntry *entry = g_new0 (ShelterReferenceEntry, 1);

  entry->scheme = g_strdup (_shelter_db_column_text (stmt, 0));
  entry->code = g_strdup (_shelter_db_column_text (stmt, 1));
  entry->name = g_strdup (_shelter_db_column_text (stmt, 2));
  entry->full_name = g_strdup (_shelter_db_column_text (stmt, 3));
  entry->parent_code = g_strdup (_shelter_db_column_text (stmt, 4));
  return entry;
}

static GPtrArray *
collect (ShelterDb    *db,
         const char   *sql,
         const char   *param1,
         const char   *param2,
         GError      **error)
{
  g_autoptr (GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _shelter_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (param1 != NULL)
    sqlite3_bind_text (stmt, 1, param1, -1, SQLITE_TRANSIENT);
  if (param2 != NULL)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_TRANSIENT);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_reference_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
shelter_reference_store_provinces (ShelterDb   *db,
                                   const char  *scheme,
                                   GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (scheme != NULL, NULL);

  return collect (db,
                  "SELECT scheme, code, name, full_name, parent_code FROM admin_unit "
                  "WHERE scheme = ?1 AND level = 'province' ORDER BY code",
                  scheme, NULL, error);
}

GPtrArray *
shelter_reference_store_communes (ShelterDb   *db,
                                  const char  *scheme,
                                  const char  *province_code,
                                  GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (scheme != NULL && province_code != NULL, NULL);

  return collect (db,
                  "SELECT c.scheme, c.code, c.name, c.full_name, c.parent_code "
                  "FROM admin_unit c WHERE c.scheme = ?1 AND c.level = 'commune' "
                  "AND (c.parent_code = ?2 OR c.parent_code IN "
                  "  (SELECT d.code FROM admin_unit d WHERE d.scheme = ?1 "
                  "   AND d.level = 'district' AND d.parent_code = ?2)) "
                  "ORDER BY c.code",
                  scheme, province_code, error);
}

ShelterReferenceEntry *
shelter_reference_store_admin_unit (ShelterDb   *db,
                                    const char  *scheme,
                                    const char  *level,
                                    const char  *code,
                                    GError     **error)
{
  ShelterReferenceEntry *entry = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (scheme != NULL && level != NULL && code != NULL, NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT scheme, code, name, full_name, parent_code FROM admin_unit "
                              "WHERE scheme = ?1 AND level = ?2 AND code = ?3",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, level, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return entry;
}

GPtrArray *
shelter_reference_store_ethnic_groups (ShelterDb   *db,
                                       const char  *scheme,
                                       GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (scheme != NULL, NULL);

  return collect (db,
                  "SELECT scheme, code, name, name, NULL FROM ethnic_group "
                  "WHERE scheme = ?1 ORDER BY code",
                  scheme, NULL, error);
}

GPtrArray *
shelter_reference_store_countries (ShelterDb  *db,
                                   GError    **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  return collect (db,
                  "SELECT NULL, code, name_en, name_vi, NULL FROM country ORDER BY code",
                  NULL, NULL, error);
}
