/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-setting-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-setting-store.h"

char *
shelter_setting_store_get (ShelterDb   *db,
                           const char  *key,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _shelter_db_prepare (db, "SELECT value FROM setting WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup (_shelter_db_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return value;
}

gboolean
shelter_setting_store_set (ShelterDb           *db,
                           const char          *key,
                           const char          *value,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO setting (key, value, updated_at, updated_by) "
                              "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO UPDATE SET "
                              "value = ?2, updated_at = ?3, updated_by = ?4",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, stamp->actor, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

gboolean
shelter_setting_store_add_backup_run (ShelterDb           *db,
                                      const ShelterStamp  *stamp,
                                      const char          *path,
                                      gboolean             encrypted,
                                      gboolean             automatic,
                                      gboolean             ok,
                                      const char          *message,
                                      GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean written;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO backup_run (at, actor, path, encrypted, automatic, ok, "
                              "message) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stamp->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, encrypted ? 1 : 0);
  sqlite3_bind_int (stmt, 5, automatic ? 1 : 0);
  sqlite3_bind_int (stmt, 6, ok ? 1 : 0);
  sqlite3_bind_text (stmt, 7, message ? message : "", -1, SQLITE_TRANSIENT);
  written = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return written;
}

gboolean
shelter_setting_store_last_backup_run (ShelterDb   *db,
                                       gboolean     successful_only,
                                       char       **at,
                                       gboolean    *ok,
                                       char       **message,
                                       GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "SELECT at, ok, message FROM backup_run WHERE (?1 = 0 OR ok = 1) "
                              "ORDER BY at DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, successful_only ? 1 : 0);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (at != NULL)
        *at = g_strdup (_shelter_db_column_text (stmt, 0));
      if (ok != NULL)
        *ok = sqlite3_column_int (stmt, 1) != 0;
      if (message != NULL)
        *message = g_strdup (_shelter_db_column_text (stmt, 2));
      found = TRUE;
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return found;
}
