/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-holiday-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-holiday-store.h"

GHashTable *
shelter_holiday_store_between (ShelterDb   *db,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  g_autoptr (GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  stmt = _shelter_db_prepare (db, "SELECT day FROM holiday WHERE day BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (days, g_strdup (_shelter_db_column_text (stmt, 0)));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

gboolean
shelter_holiday_store_list (ShelterDb   *db,
                            const char  *from,
                            const char  *to,
                            GPtrArray   *days,
                            GPtrArray   *names,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "SELECT day, name FROM holiday WHERE day BETWEEN ?1 AND ?2 "
                              "ORDER BY day",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (days, g_strdup (_shelter_db_column_text (stmt, 0)));
      g_ptr_array_add (names, g_strdup (_shelter_db_column_text (stmt, 1)));
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    return _shelter_db_set_error (db, rc, error);
  return TRUE;
}

gboolean
shelter_holiday_store_insert (ShelterDb           *db,
                              const char          *day,
                              const char          *name,
                              const ShelterStamp  *stamp,
                              GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO holiday (day, name, created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, stamp->actor, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

gboolean
shelter_holiday_store_delete (ShelterDb   *db,
                              const char  *day,
                              char       **name,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db, "DELETE FROM holiday WHERE day = ? RETURNING name", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *name = g_strdup (_shelter_db_column_text (stmt, 0));
      rc = sqlite3_step (stmt);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    return _shelter_db_set_error (db, rc, error);
  return TRUE;
}
