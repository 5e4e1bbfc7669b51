/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-notice-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-notice-store.h"

gboolean
shelter_notice_store_get_sent (ShelterDb    *db,
                               const char   *username,
                               const char   *key,
                               char        **fingerprint,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (username != NULL && key != NULL && fingerprint != NULL, FALSE);

  *fingerprint = NULL;
  stmt = _shelter_db_prepare (db,
                              "SELECT fingerprint FROM reminder_notice "
                              "WHERE username = ?1 AND key = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *fingerprint = g_strdup (_shelter_db_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    ok = _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return ok;
}

gboolean
shelter_notice_store_set_sent (ShelterDb    *db,
                               const char   *username,
                               const char   *key,
                               const char   *fingerprint,
                               const char   *sent_at,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (username != NULL && key != NULL, FALSE);
  g_return_val_if_fail (fingerprint != NULL && sent_at != NULL, FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO reminder_notice (username, key, fingerprint, sent_at) "
                              "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (username, key) DO UPDATE "
                              "SET fingerprint = ?3, sent_at = ?4",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, fingerprint, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sent_at, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}
