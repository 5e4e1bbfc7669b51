/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-centre-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-centre-store.h"
#include "shelter-db-private.h"

ShelterCentre *
shelter_centre_store_get (ShelterDb  *db,
                          GError    **error)
{
  g_autoptr (ShelterCentre) centre = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT name, province_scheme, province_code, address, head_name, "
                              "version FROM centre WHERE id = 1",
                              error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      centre = shelter_centre_new ();
      shelter_centre_set_name (centre, _shelter_db_column_text (stmt, 0));
      shelter_centre_set_province_scheme (centre, _shelter_db_column_text (stmt, 1));
      shelter_centre_set_province_code (centre, _shelter_db_column_text (stmt, 2));
      shelter_centre_set_address (centre, _shelter_db_column_text (stmt, 3));
      shelter_centre_set_head_name (centre, _shelter_db_column_text (stmt, 4));
      shelter_centre_set_version (centre, sqlite3_column_int64 (stmt, 5));
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return g_steal_pointer (&centre);
}

gboolean
shelter_centre_store_save (ShelterDb           *db,
                           ShelterCentre       *centre,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  gint64 version;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_CENTRE (centre), FALSE);

  version = shelter_centre_get_version (centre);
  if (version == 0)
    stmt = _shelter_db_prepare (db,
                                "INSERT INTO centre (id, name, province_scheme, province_code, "
                                "address, head_name, created_at, created_by, updated_at, "
                                "updated_by, version) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7, 1)",
                                error);
  else
    stmt = _shelter_db_prepare (db,
                                "UPDATE centre SET name = ?1, province_scheme = ?2, "
                                "province_code = ?3, address = ?4, head_name = ?5, "
                                "updated_at = ?6, updated_by = ?7, version = version + 1 "
                                "WHERE id = 1 AND version = ?8",
                                error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, shelter_centre_get_name (centre));
  _shelter_db_bind_text (stmt, 2, shelter_centre_get_province_scheme (centre));
  _shelter_db_bind_text (stmt, 3, shelter_centre_get_province_code (centre));
  _shelter_db_bind_text (stmt, 4, shelter_centre_get_address (centre));
  _shelter_db_bind_text (stmt, 5, shelter_centre_get_head_name (centre));
  _shelter_db_bind_text (stmt, 6, stamp->at);
  _shelter_db_bind_text (stmt, 7, stamp->actor);
  if (version > 0)
    sqlite3_bind_int64 (stmt, 8, version);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  if (ok && version > 0 && _shelter_db_changes (db) == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                   _("The centre profile was changed by someone else after you opened it. "
                     "Reopen it to see their changes, then make yours again."));
      ok = FALSE;
    }
  _shelter_db_release (db, stmt);
  if (ok)
    shelter_centre_set_version (centre, version + 1);
  return ok;
}
