/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-room-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-db-private.h"
#include "shelter-room-store.h"

#define ROOM_SELECT \
  "SELECT r.id, r.code, r.building, r.name, r.sex_use, r.age_group, r.beds, r.area_m2, " \
  "r.care_24h, r.accessible, r.opened_on, r.closed_on, r.version, " \
  "(SELECT count(*) FROM placement p WHERE p.room_id = r.id AND p.ended_at IS NULL " \
  " AND p.voided_at IS NULL) FROM room r "

static ShelterRoom *
room_from_row (sqlite3_stmt *stmt)
{
  ShelterRoom *room = shelter_room_new ();

  shelter_room_set_id (room, sqlite3_column_int64 (stmt, 0));
  shelter_room_set_code (room, _shelter_db_column_text (stmt, 1));
  shelter_room_set_building (room, _shelter_db_column_text (stmt, 2));
  shelter_room_set_name (room, _shelter_db_column_text (stmt, 3));
  shelter_room_set_sex_use (room, _shelter_db_column_text (stmt, 4));
  shelter_room_set_age_group (room, _shelter_db_column_text (stmt, 5));
  shelter_room_set_beds (room, (guint) sqlite3_column_int (stmt, 6));
  shelter_room_set_area_m2 (room, sqlite3_column_double (stmt, 7));
  shelter_room_set_care_24h (room, sqlite3_column_int (stmt, 8) != 0);
  shelter_room_set_accessible (room, sqlite3_column_int (stmt, 9) != 0);
  shelter_room_set_opened_on (room, _shelter_db_column_text (stmt, 10));
  shelter_room_set_closed_on (room, _shelter_db_column_text (stmt, 11));
  shelter_room_set_version (room, sqlite3_column_int64 (stmt, 12));
  shelter_room_set_beds_used (room, (guint) sqlite3_column_int (stmt, 13));
  return room;
}

gboolean
shelter_room_store_insert (ShelterDb           *db,
                           ShelterRoom         *room,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_ROOM (room), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO room (code, building, name, sex_use, age_group, beds, "
                              "area_m2, care_24h, accessible, opened_on, closed_on, created_at, "
                              "created_by, updated_at, updated_by, version) VALUES "
                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?12, ?13, 1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, shelter_room_get_code (room));
  sqlite3_bind_text (stmt, 2, shelter_room_get_building (room) ?: "", -1, SQLITE_TRANSIENT);
  _shelter_db_bind_text (stmt, 3, shelter_room_get_name (room));
  _shelter_db_bind_text (stmt, 4, shelter_room_get_sex_use (room));
  _shelter_db_bind_text (stmt, 5, shelter_room_get_age_group (room));
  sqlite3_bind_int (stmt, 6, (int) shelter_room_get_beds (room));
  sqlite3_bind_double (stmt, 7, shelter_room_get_area_m2 (room));
  sqlite3_bind_int (stmt, 8, shelter_room_get_care_24h (room) ? 1 : 0);
  sqlite3_bind_int (stmt, 9, shelter_room_get_accessible (room) ? 1 : 0);
  _shelter_db_bind_text (stmt, 10, shelter_room_get_opened_on (room));
  _shelter_db_bind_text (stmt, 11, shelter_room_get_closed_on (room));
  _shelter_db_bind_text (stmt, 12, stamp->at);
  _shelter_db_bind_text (stmt, 13, stamp->actor);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  if (ok)
    {
      shelter_room_set_id (room, sqlite3_last_insert_rowid (_shelter_db_get_handle (db)));
      shelter_room_set_version (room, 1);
    }
  _shelter_db_release (db, stmt);
  return ok;
}

static gboolean
finish_versioned_update (ShelterDb     *db,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  gboolean ok = _shelter_db_exec_stmt (db, stmt, error);
  int changed = _shelter_db_changes (db);

  _shelter_db_release (db, stmt);
  if (ok && changed == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                   _("This room was changed by someone else after you opened it. "
                     "Nothing was overwritten: reopen it to see their changes."));
      return FALSE;
    }
  return ok;
}

gboolean
shelter_room_store_update (ShelterDb           *db,
                           ShelterRoom         *room,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_ROOM (room), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE room SET code = ?1, building = ?2, name = ?3, sex_use = ?4, "
                              "age_group = ?5, beds = ?6, area_m2 = ?7, care_24h = ?8, "
                              "accessible = ?9, updated_at = ?10, updated_by = ?11, "
                              "version = version + 1 WHERE id = ?12 AND version = ?13",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, shelter_room_get_code (room));
  sqlite3_bind_text (stmt, 2, shelter_room_get_building (room) ?: "", -1, SQLITE_TRANSIENT);
  _shelter_db_bind_text (stmt, 3, shelter_room_get_name (room));
  _shelter_db_bind_text (stmt, 4, shelter_room_get_sex_use (room));
  _shelter_db_bind_text (stmt, 5, shelter_room_get_age_group (room));
  sqlite3_bind_int (stmt, 6, (int) shelter_room_get_beds (room));
  sqlite3_bind_double (stmt, 7, shelter_room_get_area_m2 (room));
  sqlite3_bind_int (stmt, 8, shelter_room_get_care_24h (room) ? 1 : 0);
  sqlite3_bind_int (stmt, 9, shelter_room_get_accessible (room) ? 1 : 0);
  _shelter_db_bind_text (stmt, 10, stamp->at);
  _shelter_db_bind_text (stmt, 11, stamp->actor);
  sqlite3_bind_int64 (stmt, 12, shelter_room_get_id (room));
  sqlite3_bind_int64 (stmt, 13, shelter_room_get_version (room));
  if (!finish_versioned_update (db, stmt, error))
    return FALSE;
  shelter_room_set_version (room, shelter_room_get_version (room) + 1);
  return TRUE;
}

gboolean
shelter_room_store_set_closed (ShelterDb           *db,
                               gint64               id,
                               gint64               version,
                               const char          *closed_on,
                               const ShelterStamp  *stamp,
                               GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE room SET closed_on = ?1, updated_at = ?2, updated_by = ?3, "
                              "version = version + 1 WHERE id = ?4 AND version = ?5",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, closed_on);
  _shelter_db_bind_text (stmt, 2, stamp->at);
  _shelter_db_bind_text (stmt, 3, stamp->actor);
  sqlite3_bind_int64 (stmt, 4, id);
  sqlite3_bind_int64 (stmt, 5, version);
  return finish_versioned_update (db, stmt, error);
}

char *
shelter_room_store_last_left_on (ShelterDb  *db,
                                 gint64      id,
                                 GError    **error)
{
  char *day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT max(substr(ended_at, 1, 10)) FROM placement "
                              "WHERE room_id = ? AND ended_at IS NOT NULL AND voided_at IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    day = g_strdup (_shelter_db_column_text (stmt, 0));
  else
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return day;
}

ShelterRoom *
shelter_room_store_get (ShelterDb  *db,
                        gint64      id,
                        GError    **error)
{
  ShelterRoom *room = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, ROOM_SELECT "WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    room = room_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                 _("This room no longer exists."));
  else
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return room;
}

GPtrArray *
shelter_room_store_list (ShelterDb  *db,
                         GError    **error)
{
  g_autoptr (GPtrArray) rooms = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, ROOM_SELECT "ORDER BY r.building, r.code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rooms, room_from_row (stmt));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rooms);
}
