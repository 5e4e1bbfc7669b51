/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-audit-store"

#include "config.h"

#include "shelter-audit-store.h"
#include "shelter-db-private.h"

gboolean
shelter_audit_store_append (ShelterDb           *db,
                            const ShelterStamp  *stamp,
                            const char          *action,
                            const char          *entity,
                            gint64               entity_id,
                            const char          *details,
                            GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (stamp != NULL && stamp->actor != NULL && stamp->at != NULL, FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO audit_log (at, actor, action, entity, entity_id, details) "
                              "VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stamp->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_TRANSIENT);
  if (entity_id > 0)
    sqlite3_bind_int64 (stmt, 5, entity_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, details ? details : "", -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

gint64
shelter_audit_store_count (ShelterDb  *db,
                           GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  stmt = _shelter_db_prepare (db, "SELECT count(*) FROM audit_log", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return count;
}
