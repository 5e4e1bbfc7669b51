/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-user-store"

#include "config.h"

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
