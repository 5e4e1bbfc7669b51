/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-case-list-store"

#include "config.h"

#include "shelter-case-list-store.h"
#include "shelter-db-private.h"

void
shelter_case_list_row_free (ShelterCaseListRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_code);
  g_free (row->full_name);
  g_free (row->sex);
  g_free (row->birth_date);
  g_free (row->person_type);
  g_free (row->home_province);
  g_free (row->admitted_on);
  g_free (row->room);
  g_free (row->discharged_on);
  g_free (row->discharge_reason);
  g_free (row);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (_shelter_db_column_text (stmt, index));
}

GPtrArray *
shelter_case_list_store_list (ShelterDb   *db,
                              const char  *first,
                              const char  *next,
                              GError     **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_case_list_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* The room is that of the stay's last placement begun before the period's end; the
   * discharge's own record gives the reason when there is one, as the statistics do. */
  stmt = _shelter_db_prepare (db,
                              "SELECT s.id, p.case_code, "
                              "trim(replace(p.family_name || ' ' || p.middle_name || ' ' || "
                              "p.given_name, '  ', ' ')), p.high_protection, p.sex, "
                              "p.birth_date, p.person_type, hp.name, "
                              "substr(s.admitted_at, 1, 10), "
                              "(SELECT r.code FROM placement pl JOIN room r ON r.id = pl.room_id "
                              " WHERE pl.stay_id = s.id AND pl.voided_at IS NULL "
                              " AND substr(pl.started_at, 1, 10) < ?2 "
                              " ORDER BY pl.started_at DESC, pl.id DESC LIMIT 1), "
                              "substr(s.discharged_at, 1, 10), "
                              "CASE WHEN s.discharged_at IS NULL THEN NULL "
                              "ELSE coalesce(d.reason, s.discharge_reason) END "
                              "FROM stay s JOIN person p ON p.id = s.person_id "
                              "LEFT JOIN discharge d ON d.stay_id = s.id "
                              "LEFT JOIN admin_unit hp ON hp.scheme = p.home_scheme "
                              "AND hp.level = 'province' AND hp.code = p.home_province_code "
                              "WHERE s.voided_at IS NULL AND p.voided_at IS NULL "
                              "AND substr(s.admitted_at, 1, 10) < ?2 "
                              "AND (s.discharged_at IS NULL OR substr(s.discharged_at, 1, 10) >= ?1) "
                              "ORDER BY p.case_code, s.admitted_at, s.id",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, first);
  _shelter_db_bind_text (stmt, 2, next);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterCaseListRow *row = g_new0 (ShelterCaseListRow, 1);

      row->stay_id = sqlite3_column_int64 (stmt, 0);
      row->case_code = dup_column (stmt, 1);
      row->full_name = dup_column (stmt, 2);
      row->high_protection = sqlite3_column_int (stmt, 3) != 0;
      row->sex = dup_column (stmt, 4);
      row->birth_date = dup_column (stmt, 5);
      row->person_type = dup_column (stmt, 6);
      row->home_province = dup_column (stmt, 7);
      row->admitted_on = dup_column (stmt, 8);
      row->room = dup_column (stmt, 9);
      row->discharged_on = dup_column (stmt, 10);
      row->discharge_reason = dup_column (stmt, 11);
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
