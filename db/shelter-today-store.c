/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-today-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-today-store.h"

#define FULL_NAME \
  "trim(replace(p.family_name || ' ' || p.middle_name || ' ' || p.given_name, '  ', ' '))"

/* The room of the stay's latest placement (the current one while the stay is open). */
#define ROOM_OF_STAY \
  "(SELECT r.code FROM placement pl JOIN room r ON r.id = pl.room_id " \
  " WHERE pl.stay_id = s.id AND pl.voided_at IS NULL " \
  " ORDER BY pl.ended_at IS NULL DESC, pl.started_at DESC, pl.id DESC LIMIT 1)"

void
shelter_today_store_row_free (ShelterTodayStoreRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_code);
  g_free (row->full_name);
  g_free (row->at);
  g_free (row->room);
  g_free (row->detail);
  g_free (row);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (_shelter_db_column_text (stmt, index));
}

GPtrArray *
shelter_today_store_movements (ShelterDb   *db,
                               const char  *on,
                               GError     **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_today_store_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (on != NULL, NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT 0 AS kind, s.id, p.id, p.case_code, " FULL_NAME ", "
                              "p.high_protection, s.admitted_at AS at, " ROOM_OF_STAY ", "
                              "NULL FROM stay s JOIN person p ON p.id = s.person_id "
                              "WHERE s.voided_at IS NULL AND substr(s.admitted_at, 1, 10) = ?1 "
                              "UNION ALL "
                              "SELECT 1, s.id, p.id, p.case_code, " FULL_NAME ", "
                              "p.high_protection, s.discharged_at, " ROOM_OF_STAY ", "
                              "s.discharge_reason FROM stay s JOIN person p ON p.id = s.person_id "
                              "WHERE s.voided_at IS NULL AND s.discharged_at IS NOT NULL "
                              "AND substr(s.discharged_at, 1, 10) = ?1 "
                              "UNION ALL "
                              "SELECT 2, s.id, p.id, p.case_code, " FULL_NAME ", "
                              "p.high_protection, a.planned_return_on, " ROOM_OF_STAY ", "
                              "a.kind FROM absence a JOIN stay s ON s.id = a.stay_id "
                              "JOIN person p ON p.id = s.person_id "
                              "WHERE a.voided_at IS NULL AND a.returned_at IS NULL "
                              "AND a.planned_return_on = ?1 AND s.voided_at IS NULL "
                              "AND s.discharged_at IS NULL "
                              "ORDER BY 1, 7, 4",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, on);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterTodayStoreRow *row = g_new0 (ShelterTodayStoreRow, 1);

      row->kind = sqlite3_column_int (stmt, 0);
      row->stay_id = sqlite3_column_int64 (stmt, 1);
      row->person_id = sqlite3_column_int64 (stmt, 2);
      row->case_code = dup_column (stmt, 3);
      row->full_name = dup_column (stmt, 4);
      row->high_protection = sqlite3_column_int (stmt, 5) != 0;
      row->at = dup_column (stmt, 6);
      row->room = dup_column (stmt, 7);
      row->detail = dup_column (stmt, 8);
      g_ptr_array_add (rows, row);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
