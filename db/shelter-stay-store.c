/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-stay-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-db-private.h"
#include "shelter-stay-store.h"

gboolean
shelter_stay_store_insert (ShelterDb           *db,
                           ShelterStay         *stay,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_STAY (stay), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO stay (person_id, admitted_at, discharged_at, "
                              "discharge_reason, created_at, created_by, updated_at, updated_by, "
                              "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6, 1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, shelter_stay_get_person_id (stay));
  _shelter_db_bind_text (stmt, 2, shelter_stay_get_admitted_at (stay));
  _shelter_db_bind_text (stmt, 3, shelter_stay_get_discharged_at (stay));
  _shelter_db_bind_text (stmt, 4, shelter_stay_get_discharge_reason (stay));
  _shelter_db_bind_text (stmt, 5, stamp->at);
  _shelter_db_bind_text (stmt, 6, stamp->actor);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  if (ok)
    {
      shelter_stay_set_id (stay, sqlite3_last_insert_rowid (_shelter_db_get_handle (db)));
      shelter_stay_set_version (stay, 1);
    }
  _shelter_db_release (db, stmt);
  return ok;
}

ShelterStay *
shelter_stay_store_get_open (ShelterDb  *db,
                             gint64      person_id,
                             GError    **error)
{
  ShelterStay *stay = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, admitted_at, version FROM stay WHERE person_id = ? "
                              "AND discharged_at IS NULL AND voided_at IS NULL "
                              "ORDER BY admitted_at DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stay = shelter_stay_new ();
      shelter_stay_set_id (stay, sqlite3_column_int64 (stmt, 0));
      shelter_stay_set_person_id (stay, person_id);
      shelter_stay_set_admitted_at (stay, _shelter_db_column_text (stmt, 1));
      shelter_stay_set_version (stay, sqlite3_column_int64 (stmt, 2));
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return stay;
}

gboolean
shelter_stay_store_discharge (ShelterDb           *db,
                              ShelterStay         *stay,
                              const ShelterStamp  *stamp,
                              GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  int changed;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_STAY (stay), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE stay SET discharged_at = ?1, discharge_reason = ?2, "
                              "updated_at = ?3, updated_by = ?4, version = version + 1 "
                              "WHERE id = ?5 AND version = ?6 AND discharged_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, shelter_stay_get_discharged_at (stay));
  _shelter_db_bind_text (stmt, 2, shelter_stay_get_discharge_reason (stay));
  _shelter_db_bind_text (stmt, 3, stamp->at);
  _shelter_db_bind_text (stmt, 4, stamp->actor);
  sqlite3_bind_int64 (stmt, 5, shelter_stay_get_id (stay));
  sqlite3_bind_int64 (stmt, 6, shelter_stay_get_version (stay));
  ok = _shelter_db_exec_stmt (db, stmt, error);
  changed = _shelter_db_changes (db);
  _shelter_db_release (db, stmt);
  if (ok && changed == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                   _("This stay was changed by someone else after you opened it. "
                     "Nothing was overwritten: reopen it to see their changes."));
      return FALSE;
    }
  if (ok)
    shelter_stay_set_version (stay, shelter_stay_get_version (stay) + 1);
  return ok;
}

gint64
shelter_stay_store_place (ShelterDb           *db,
                          gint64               stay_id,
                          gint64               room_id,
                          const char          *started_at,
                          const char          *reason,
                          const ShelterStamp  *stamp,
                          GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO placement (stay_id, room_id, started_at, reason, "
                              "created_at, created_by, updated_at, updated_by, version) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6, 1)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  sqlite3_bind_int64 (stmt, 2, room_id);
  _shelter_db_bind_text (stmt, 3, started_at);
  sqlite3_bind_text (stmt, 4, reason ? reason : "", -1, SQLITE_TRANSIENT);
  _shelter_db_bind_text (stmt, 5, stamp->at);
  _shelter_db_bind_text (stmt, 6, stamp->actor);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

gboolean
shelter_stay_store_end_placements (ShelterDb           *db,
                                   gint64               stay_id,
                                   const char          *ended_at,
                                   const ShelterStamp  *stamp,
                                   GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE placement SET ended_at = ?1, updated_at = ?2, "
                              "updated_by = ?3, version = version + 1 "
                              "WHERE stay_id = ?4 AND ended_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, ended_at);
  _shelter_db_bind_text (stmt, 2, stamp->at);
  _shelter_db_bind_text (stmt, 3, stamp->actor);
  sqlite3_bind_int64 (stmt, 4, stay_id);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

static gint64
count_query (ShelterDb   *db,
             const char  *sql,
             gint64       param,
             GError     **error)
{
  sqlite3_stmt *stmt = _shelter_db_prepare (db, sql, error);

  if (stmt == NULL)
    return -1;
  if (param > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  return _shelter_db_step_count (db, stmt, error);
}

guint
shelter_stay_store_count_in_room (ShelterDb  *db,
                                  gint64      room_id,
                                  GError    **error)
{
  gint64 count;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  count = count_query (db,
                       "SELECT count(*) FROM placement WHERE room_id = ? AND ended_at IS NULL "
                       "AND voided_at IS NULL",
                       room_id, error);
  return count < 0 ? G_MAXUINT : (guint) count;
}

gint64
shelter_stay_store_count_open (ShelterDb  *db,
                               GError    **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  return count_query (db,
                      "SELECT count(*) FROM stay WHERE discharged_at IS NULL "
                      "AND voided_at IS NULL",
                      0, error);
}

static ShelterStay *
stay_from_row (sqlite3_stmt *stmt)
{
  ShelterStay *stay = shelter_stay_new ();

  shelter_stay_set_id (stay, sqlite3_column_int64 (stmt, 0));
  shelter_stay_set_person_id (stay, sqlite3_column_int64 (stmt, 1));
  shelter_stay_set_admitted_at (stay, _shelter_db_column_text (stmt, 2));
  shelter_stay_set_discharged_at (stay, _shelter_db_column_text (stmt, 3));
  shelter_stay_set_discharge_reason (stay, _shelter_db_column_text (stmt, 4));
  shelter_stay_set_version (stay, sqlite3_column_int64 (stmt, 5));
  return stay;
}

ShelterStay *
shelter_stay_store_get (ShelterDb  *db,
                        gint64      stay_id,
                        GError    **error)
{
  ShelterStay *stay = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, person_id, admitted_at, discharged_at, "
                              "discharge_reason, version FROM stay "
                              "WHERE id = ? AND voided_at IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stay = stay_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                 _("This stay no longer exists."));
  else
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return stay;
}

ShelterStay *
shelter_stay_store_get_latest (ShelterDb  *db,
                               gint64      person_id,
                               GError    **error)
{
  ShelterStay *stay = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, person_id, admitted_at, discharged_at, "
                              "discharge_reason, version FROM stay "
                              "WHERE person_id = ? AND voided_at IS NULL "
                              "ORDER BY admitted_at DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stay = stay_from_row (stmt);
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return stay;
}

ShelterStay *
shelter_stay_store_get_at (ShelterDb   *db,
                           gint64       person_id,
                           const char  *at,
                           GError     **error)
{
  ShelterStay *stay = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* Times of one centre share the +07:00 offset, so they compare as text. */
  stmt = _shelter_db_prepare (db,
                              "SELECT id, person_id, admitted_at, discharged_at, "
                              "discharge_reason, version FROM stay "
                              "WHERE person_id = ?1 AND voided_at IS NULL AND admitted_at <= ?2 "
                              "AND (discharged_at IS NULL OR discharged_at > ?2) "
                              "ORDER BY admitted_at DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _shelter_db_bind_text (stmt, 2, at);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stay = stay_from_row (stmt);
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return stay;
}
