/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-user-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-db-private.h"
#include "shelter-user-store.h"

static ShelterUser *
user_from_row (sqlite3_stmt *stmt)
{
  ShelterUser *user = shelter_user_new ();

  shelter_user_set_id (user, sqlite3_column_int64 (stmt, 0));
  shelter_user_set_username (user, _shelter_db_column_text (stmt, 1));
  shelter_user_set_full_name (user, _shelter_db_column_text (stmt, 2));
  shelter_user_set_role (user, _shelter_db_column_text (stmt, 3));
  shelter_user_set_active (user, sqlite3_column_int (stmt, 4) != 0);
  shelter_user_set_version (user, sqlite3_column_int64 (stmt, 5));
  return user;
}

gboolean
shelter_user_store_insert (ShelterDb           *db,
                           ShelterUser         *user,
                           const char          *password_hash,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_USER (user), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO staff_user (username, full_name, role, password_hash, "
                              "active, created_at, created_by, updated_at, updated_by, version) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7, 1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, shelter_user_get_username (user));
  _shelter_db_bind_text (stmt, 2, shelter_user_get_full_name (user));
  _shelter_db_bind_text (stmt, 3, shelter_user_get_role (user));
  _shelter_db_bind_text (stmt, 4, password_hash);
  sqlite3_bind_int (stmt, 5, shelter_user_get_active (user) ? 1 : 0);
  _shelter_db_bind_text (stmt, 6, stamp->at);
  _shelter_db_bind_text (stmt, 7, stamp->actor);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  if (ok)
    {
      shelter_user_set_id (user, sqlite3_last_insert_rowid (_shelter_db_get_handle (db)));
      shelter_user_set_version (user, 1);
    }
  _shelter_db_release (db, stmt);
  return ok;
}

ShelterUser *
shelter_user_store_get_by_username (ShelterDb   *db,
                                    const char  *username,
                                    GError     **error)
{
  ShelterUser *user = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (username != NULL, NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, username, full_name, role, active, version "
                              "FROM staff_user WHERE username = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    user = user_from_row (stmt);
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return user;
}

GPtrArray *
shelter_user_store_list (ShelterDb  *db,
                         GError    **error)
{
  g_autoptr (GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, username, full_name, role, active, version "
                              "FROM staff_user ORDER BY active DESC, username",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (users, user_from_row (stmt));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&users);
}

char *
shelter_user_store_get_password_hash (ShelterDb   *db,
                                      const char  *username,
                                      GError     **error)
{
  sqlite3_stmt *stmt;
  char *hash = NULL;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (username != NULL, NULL);

  stmt = _shelter_db_prepare (db, "SELECT password_hash FROM staff_user WHERE username = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    hash = g_strdup (_shelter_db_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return hash;
}

gboolean
shelter_user_store_set_password_hash (ShelterDb           *db,
                                      gint64               user_id,
                                      const char          *password_hash,
                                      const ShelterStamp  *stamp,
                                      GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE staff_user SET password_hash = ?1, updated_at = ?2, "
                              "updated_by = ?3, version = version + 1 WHERE id = ?4",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, password_hash);
  _shelter_db_bind_text (stmt, 2, stamp->at);
  _shelter_db_bind_text (stmt, 3, stamp->actor);
  sqlite3_bind_int64 (stmt, 4, user_id);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

gboolean
shelter_user_store_update (ShelterDb           *db,
                           ShelterUser         *user,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  int changed;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_USER (user), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE staff_user SET full_name = ?1, role = ?2, active = ?3, "
                              "updated_at = ?4, updated_by = ?5, version = version + 1 "
                              "WHERE id = ?6 AND version = ?7",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, shelter_user_get_full_name (user));
  _shelter_db_bind_text (stmt, 2, shelter_user_get_role (user));
  sqlite3_bind_int (stmt, 3, shelter_user_get_active (user) ? 1 : 0);
  _shelter_db_bind_text (stmt, 4, stamp->at);
  _shelter_db_bind_text (stmt, 5, stamp->actor);
  sqlite3_bind_int64 (stmt, 6, shelter_user_get_id (user));
  sqlite3_bind_int64 (stmt, 7, shelter_user_get_version (user));
  ok = _shelter_db_exec_stmt (db, stmt, error);
  changed = _shelter_db_changes (db);
  _shelter_db_release (db, stmt);
  if (ok && changed == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                   _("This account was changed by someone else after you opened it. "
                     "Nothing was overwritten: reopen it to see their changes."));
      return FALSE;
    }
  if (ok)
    shelter_user_set_version (user, shelter_user_get_version (user) + 1);
  return ok;
}

gint64
shelter_user_store_count (ShelterDb   *db,
                          const char  *role,
                          gboolean     active_only,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  stmt = _shelter_db_prepare (db,
                              "SELECT count(*) FROM staff_user WHERE (?1 IS NULL OR role = ?1) "
                              "AND (?2 = 0 OR active = 1)",
                              error);
  if (stmt == NULL)
    return -1;
  _shelter_db_bind_text (stmt, 1, role);
  sqlite3_bind_int (stmt, 2, active_only ? 1 : 0);
  return _shelter_db_step_count (db, stmt, error);
}

gboolean
shelter_user_store_get_throttle (ShelterDb   *db,
                                 const char  *username,
                                 int         *failed_attempts,
                                 char       **locked_until,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  *failed_attempts = 0;
  *locked_until = NULL;
  stmt = _shelter_db_prepare (db,
                              "SELECT failed_attempts, locked_until FROM sign_in_throttle "
                              "WHERE username = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *failed_attempts = sqlite3_column_int (stmt, 0);
      *locked_until = g_strdup (_shelter_db_column_text (stmt, 1));
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _shelter_db_set_error (db, rc, error);
  return TRUE;
}

gboolean
shelter_user_store_set_throttle (ShelterDb   *db,
                                 const char  *username,
                                 int          failed_attempts,
                                 const char  *locked_until,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  if (failed_attempts == 0 && locked_until == NULL)
    stmt = _shelter_db_prepare (db, "DELETE FROM sign_in_throttle WHERE username = ?1", error);
  else
    stmt = _shelter_db_prepare (db,
                                "INSERT INTO sign_in_throttle (username, failed_attempts, "
                                "locked_until) VALUES (?1, ?2, ?3) ON CONFLICT (username) DO "
                                "UPDATE SET failed_attempts = ?2, locked_until = ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  if (failed_attempts != 0 || locked_until != NULL)
    {
      sqlite3_bind_int (stmt, 2, failed_attempts);
      _shelter_db_bind_text (stmt, 3, locked_until);
    }
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}
