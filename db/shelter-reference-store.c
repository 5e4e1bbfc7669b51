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

void
shelter_reference_mapping_free (ShelterReferenceMapping *mapping)
{
  if (mapping == NULL)
    return;
  shelter_reference_entry_free (mapping->commune);
  shelter_reference_entry_free (mapping->province);
  g_free (mapping->kind);
  g_free (mapping);
}

/* Every query below selects scheme, code, name, full_name, parent_code in that order,
 * from column @first on. */
static ShelterReferenceEntry *
entry_from_columns (sqlite3_stmt *stmt,
                    int           first)
{
  ShelterReferenceEntry *entry = g_new0 (ShelterReferenceEntry, 1);

  entry->scheme = g_strdup (_shelter_db_column_text (stmt, first));
  entry->code = g_strdup (_shelter_db_column_text (stmt, first + 1));
  entry->name = g_strdup (_shelter_db_column_text (stmt, first + 2));
  entry->full_name = g_strdup (_shelter_db_column_text (stmt, first + 3));
  entry->parent_code = g_strdup (_shelter_db_column_text (stmt, first + 4));
  return entry;
}

static ShelterReferenceEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  return entry_from_columns (stmt, 0);
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

GPtrArray *
shelter_reference_store_districts (ShelterDb   *db,
                                   const char  *scheme,
                                   const char  *province_code,
                                   GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (scheme != NULL && province_code != NULL, NULL);

  return collect (db,
                  "SELECT scheme, code, name, full_name, parent_code FROM admin_unit "
                  "WHERE scheme = ?1 AND level = 'district' AND parent_code = ?2 "
                  "ORDER BY code",
                  scheme, province_code, error);
}

GPtrArray *
shelter_reference_store_district_communes (ShelterDb   *db,
                                           const char  *scheme,
                                           const char  *district_code,
                                           GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (scheme != NULL && district_code != NULL, NULL);

  return collect (db,
                  "SELECT c.scheme, c.code, c.name, c.full_name, c.parent_code "
                  "FROM admin_unit c WHERE c.scheme = ?1 AND c.level = 'commune' "
                  "AND c.parent_code = ?2 "
                  "ORDER BY c.code",
                  scheme, district_code, error);
}

GPtrArray *
shelter_reference_store_mappings (ShelterDb   *db,
                                  const char  *old_code,
                                  const char  *new_scheme,
                                  GError     **error)
{
  g_autoptr (GPtrArray) mappings = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (old_code != NULL && new_scheme != NULL, NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT m.kind, "
                              "  c.scheme, c.code, c.name, c.full_name, c.parent_code, "
                              "  p.scheme, p.code, p.name, p.full_name, p.parent_code "
                              "FROM admin_unit_mapping m "
                              "JOIN admin_unit c ON c.scheme = ?2 AND c.level = 'commune' "
                              "  AND c.code = m.new_code "
                              "JOIN admin_unit p ON p.scheme = ?2 AND p.level = 'province' "
                              "  AND p.code = c.parent_code "
                              "WHERE m.old_code = ?1 ORDER BY m.new_code",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, old_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, new_scheme, -1, SQLITE_TRANSIENT);

  mappings = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_reference_mapping_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterReferenceMapping *mapping = g_new0 (ShelterReferenceMapping, 1);

      mapping->kind = g_strdup (_shelter_db_column_text (stmt, 0));
      mapping->commune = entry_from_columns (stmt, 1);
      mapping->province = entry_from_columns (stmt, 6);
      g_ptr_array_add (mappings, mapping);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&mappings);
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
