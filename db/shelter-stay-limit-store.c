/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-stay-limit-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-stay-limit-store.h"

void
shelter_stay_limit_row_free (ShelterStayLimitRow *row)
{
  if (row == NULL)
    return;
  g_free (row->kind);
  g_free (row->legal_basis);
  g_free (row->valid_from);
  g_free (row->valid_to);
  g_free (row);
}

/* The columns id, kind, days, legal_basis, valid_from, valid_to. */
static ShelterStayLimitRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  ShelterStayLimitRow *row = g_new0 (ShelterStayLimitRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->kind = g_strdup (_shelter_db_column_text (stmt, 1));
  row->days = sqlite3_column_int (stmt, 2);
  row->legal_basis = g_strdup (_shelter_db_column_text (stmt, 3));
  row->valid_from = g_strdup (_shelter_db_column_text (stmt, 4));
  row->valid_to = g_strdup (_shelter_db_column_text (stmt, 5));
  return row;
}

GPtrArray *
shelter_stay_limit_store_list (ShelterDb  *db,
                               GError    **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_stay_limit_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, kind, days, legal_basis, valid_from, valid_to "
                              "FROM stay_limit ORDER BY kind, valid_from DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
shelter_stay_limit_store_latest (ShelterDb            *db,
                                 const char           *kind,
                                 ShelterStayLimitRow **row,
                                 GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (kind != NULL && row != NULL, FALSE);

  *row = NULL;
  stmt = _shelter_db_prepare (db,
                              "SELECT id, kind, days, legal_basis, valid_from, valid_to "
                              "FROM stay_limit WHERE kind = ?1 "
                              "ORDER BY valid_from DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, kind);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *row = row_from_stmt (stmt);
      rc = SQLITE_DONE;
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    return _shelter_db_set_error (db, rc, error);
  return TRUE;
}

gint64
shelter_stay_limit_store_insert (ShelterDb           *db,
                                 const char          *kind,
                                 int                  days,
                                 const char          *legal_basis,
                                 const char          *valid_from,
                                 const ShelterStamp  *stamp,
                                 GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);
  g_return_val_if_fail (stamp != NULL, 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO stay_limit (kind, days, legal_basis, valid_from, "
                              "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return 0;
  _shelter_db_bind_text (stmt, 1, kind);
  sqlite3_bind_int (stmt, 2, days);
  _shelter_db_bind_text (stmt, 3, legal_basis);
  _shelter_db_bind_text (stmt, 4, valid_from);
  _shelter_db_bind_text (stmt, 5, stamp->at);
  _shelter_db_bind_text (stmt, 6, stamp->actor);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

gboolean
shelter_stay_limit_store_close (ShelterDb   *db,
                                gint64       id,
                                const char  *valid_to,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db, "UPDATE stay_limit SET valid_to = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _shelter_db_bind_text (stmt, 2, valid_to);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}
